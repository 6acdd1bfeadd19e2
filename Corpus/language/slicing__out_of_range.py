# Slices clamp out-of-range bounds instead of raising; indexing does not.
a = [1, 2, 3]
print(a[5:], a[-10:], a[1:99], a[-99:-2], a[3:1], a[::10])
s = "abc"
print(repr(s[10:]), s[-10:10], s[1:-10])
try:
    a[3]
except IndexError as e:
    print("IndexError:", e)
b = a[:]
b[10:20] = [4, 5]  # assigning past the end appends
print(b)
answer = (a[2:100], b)

# expect status: ok
# expect answer: ([3], [1, 2, 3, 4, 5])
# expect type: tuple
# expect stdout: "[] [1, 2, 3] [2, 3] [1] [] [1]\n'' abc \nIndexError: list index out of range\n[1, 2, 3, 4, 5]\n"
