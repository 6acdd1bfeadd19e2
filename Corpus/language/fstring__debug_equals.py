# The '=' debug form keeps the expression text and the spacing around '='.
x = 7
name = "Ada"
ratio = 2 / 3
print(f"{x=}")
print(f"{x = }")
print(f"{x*2=}")
print(f"{name=}")
print(f"{name=!s}")
print(f"{ratio=:.3f}")
print(f"{ratio = :.1%}")
print(f"{[x, x + 1]=}")
print(f"{len(name)=} {x>5=}")
answer = f"{x=}, {ratio=:.2f}"

# expect status: ok
# expect answer: 'x=7, ratio=0.67'
# expect type: str
# expect stdout: "x=7\nx = 7\nx*2=14\nname='Ada'\nname=Ada\nratio=0.667\nratio = 66.7%\n[x, x + 1]=[7, 8]\nlen(name)=3 x>5=True\n"
