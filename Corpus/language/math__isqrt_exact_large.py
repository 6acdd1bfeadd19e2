# math.isqrt is exact at every size: around squares, powers of two and the float boundary, and on
# numbers of thousands of digits.
import math
values = [0, 1, 2, 3, 4, 15, 16, 17, 2 ** 52 - 1, 2 ** 52, 2 ** 52 + 1, 2 ** 53 + 5, 10 ** 20, 10 ** 20 - 1,
          2 ** 127 - 1, 2 ** 128, 3 ** 200, 10 ** 600 + 12345, (10 ** 300 + 7) ** 2, (10 ** 300 + 7) ** 2 - 1, 7 ** 5000]
residues = []
for value in values:
    root = math.isqrt(value)
    assert root * root <= value < (root + 1) * (root + 1), value
    residues.append(root % 1000003)
for k in range(1, 200):
    value = (k * 7919) ** 13 + k
    root = math.isqrt(value)
    assert root * root <= value < (root + 1) * (root + 1)
    residues.append(root % 97)
print(residues[:21])
print(divmod(10 ** 50, 7 ** 20), pow(3, 10 ** 20, 10 ** 30 + 57), pow(7, -1, 10 ** 40 + 1) % 1000)
answer = sum(residues)

# expect status: ok
# expect answer: 7556003
# expect type: int
# expect stdout: "[0, 1, 1, 1, 2, 3, 4, 4, 108662, 108663, 108663, 905983, 970003, 970002, 700224, 350687, 189751, 718524, 718531, 718530, 978373]\n(1253254289419684899836964752574345, 25204109283285655) 432022735502812758199986491015 715\n"
