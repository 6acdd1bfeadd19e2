# Keyword arguments in any order, mixed with positional ones.
def box_volume(length, width, height):
    return length * width * height
print(box_volume(2, 3, 4))
print(box_volume(height=4, length=2, width=3))
print(box_volume(2, height=4, width=3))
def describe(item, qty=1, unit="pcs", note=""):
    return f"{qty} {unit} of {item}{' (' + note + ')' if note else ''}"
print(describe("apples", 3, unit="kg"))
print(describe(note="ripe", item="pears"))
print(sorted([3, 1, 2], reverse=True))
print(int("ff", base=16), round(number=2.567, ndigits=1))
answer = box_volume(width=5, height=6, length=7)

# expect status: ok
# expect answer: 210
# expect type: int
# expect stdout: "24\n24\n24\n3 kg of apples\n1 pcs of pears (ripe)\n[3, 2, 1]\n255 2.6\n"
