# Iteration order of int sets follows the hash table (small non-negative ints look sorted; others need not).
print({5, 3, 1, 4, 2})
print({10, 100, 1000, 3})
print({-1, -2, 0, 1})
print(list({9, 17, 1}))
print({33, 1, 65})
s = set()
for n in [40, 8, 16, 0, 24]:
    s.add(n)
print(s)
print(set(range(20, 0, -3)))
print({1, 2, 3} | {100, 64, 32})
answer = list({7, 15, 23, 31})
print(answer)

# expect status: ok
# expect answer: [7, 15, 23, 31]
# expect type: list
# expect stdout: "{1, 2, 3, 4, 5}\n{1000, 10, 3, 100}\n{0, 1, -1, -2}\n[9, 17, 1]\n{65, 1, 33}\n{0, 40, 8, 16, 24}\n{2, 5, 8, 11, 14, 17, 20}\n{64, 1, 2, 3, 32, 100}\n[7, 15, 23, 31]\n"
