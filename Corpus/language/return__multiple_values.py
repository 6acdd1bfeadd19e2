# Returning several values packs them into a tuple.
def min_max(values):
    return min(values), max(values)
result = min_max([4, 8, 1, 9])
print(result, type(result))
lo, hi = min_max([4, 8, 1, 9])
print(lo, hi)
def split_name(full):
    first, _, last = full.partition(" ")
    return [first, last]
print(split_name("Ada Lovelace"))
def early(n):
    if n < 0:
        return "negative"
    for i in range(n):
        if i * i >= n:
            return i
    return n
print(early(-3), early(10), early(0))
answer = result

# expect status: ok
# expect answer: (1, 9)
# expect type: tuple
# expect stdout: "(1, 9) <class 'tuple'>\n1 9\n['Ada', 'Lovelace']\nnegative 4 0\n"
