# Arbitrary expressions, quotes, escaped braces, dict lookups and calls inside f-strings.
d = {"key": 5, "other": [1, 2]}
print(f"{d['key'] * 2} {d['other'][-1]} {len(d)} {sorted(d)}")
print(f"{{literal braces}} {{{d['key']}}} }}{{")
print(f"{'yes' if d else 'no'} {', '.join(str(v) for v in range(3))}")
print(f"{3 + 4 * 2} {2 ** 10} {7 // 2} {7 % 3} {-7 / 2}")
price = 19.99
qty = 3
print(f"Total for {qty} items: ${price * qty:.2f}")
print(f'''triple {"quoted"} {'f'}-string''')
print(F"upper F {qty}", rf"raw \n {qty}", fr"{qty}\t")
msg = f"multi" f"part {qty}" "plain"
print(msg)
print(f"{(lambda v: v * 2)(21)} {[i for i in range(3)]} {(1, 2)}")
answer = f"{price * qty:.2f}"

# expect status: ok
# expect answer: '59.97'
# expect type: str
# expect stdout: "10 2 2 ['key', 'other']\n{literal braces} {5} }{\nyes 0, 1, 2\n11 1024 3 1 -3.5\nTotal for 3 items: $59.97\ntriple quoted f-string\nupper F 3 raw \\n 3 3\\t\nmultipart 3plain\n42 [0, 1, 2] (1, 2)\n"
