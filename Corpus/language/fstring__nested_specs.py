# Format specs built from nested replacement fields.
width, prec = 10, 3
value = 3.14159265
print(f"[{value:{width}.{prec}f}]")
print(f"[{value:>{width + 2}.{prec - 1}f}]")
align, fill = "^", "*"
print(f"[{'mid':{fill}{align}{width}}]")
for w in range(3, 7):
    print(f"|{'x' * (w - 2):>{w}}|")
fmt = ".2e"
print(f"{12345.678:{fmt}}")
digits = 4
print(f"{2 / 3:.{digits}f} {22 / 7:.{digits + 2}}")
answer = f"{value:0{width}.{prec}f}"

# expect status: ok
# expect answer: '000003.142'
# expect type: str
# expect stdout: "[     3.142]\n[        3.14]\n[***mid****]\n|  x|\n|  xx|\n|  xxx|\n|  xxxx|\n1.23e+04\n0.6667 3.14286\n"
