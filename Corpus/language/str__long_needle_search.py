# Needles longer than 16 bytes are searched in linear time; the results must be exactly those of the
# direct search: periodic needles (the worst case), overlaps, non-ASCII text, start and end bounds.
seed = 12345


def rand(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed % n


alphabet = ["a", "b", "é", "ab", "€", "ba"]
checks = []
for trial in range(300):
    unit = "".join(alphabet[rand(len(alphabet))] for _ in range(1 + rand(3)))
    needle = unit * (6 + rand(8)) + alphabet[rand(len(alphabet))]
    pieces = [unit * rand(12), needle, unit * rand(5), needle[: len(needle) // 2], needle, unit * rand(9)]
    hay = "".join(pieces[rand(len(pieces))] for _ in range(3 + rand(6)))
    start = rand(len(hay) + 1)
    end = start + rand(len(hay) + 2 - start)
    checks.append((hay.find(needle), hay.rfind(needle), hay.count(needle), needle in hay,
                   hay.find(needle, start, end), hay.rfind(needle, start, end), hay.count(needle, start, end),
                   len(hay.split(needle)), len(hay.rsplit(needle, 2)), len(hay.replace(needle, "|")),
                   hay.partition(needle)[0] == hay[: max(hay.find(needle), 0)] or hay.find(needle) < 0,
                   len(hay.rpartition(needle)[2])))
print(checks[:3])
print(sum(hash(c) % 1000003 for c in checks) % 1000003)
worst = "a" * 200000
probe = "a" * 3000 + "b"
answer = (worst.find(probe), worst.rfind("b" + "a" * 3000), worst.count(probe), probe in worst,
          (worst + probe).find(probe), ("b" + "a" * 3000 + worst).rfind("b" + "a" * 3000),
          len(checks), sum(c[2] for c in checks))

# expect status: ok
# expect answer: (-1, -1, 0, False, 200000, 0, 300, 689)
# expect type: tuple
# expect stdout: "[(51, 119, 3, True, 85, 85, 1, 4, 3, 54, True, 0), (0, 204, 5, True, 152, 162, 1, 6, 3, 61, True, 20), (0, 87, 2, True, 87, 87, 1, 3, 3, 58, True, 31)]\n167695\n"
