# split and rsplit with and without separators and maxsplit.
s = "  the quick  brown\tfox\njumps  "
print(s.split())
print(s.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 1), "a,b,,c,".rsplit(",", 2))
print("a b c d".split(maxsplit=2), "a b c d".rsplit(maxsplit=1), "a b c d".rsplit(None, 2))
print("".split(), "".split(","), "   ".split(), "abc".split("abc"), "x--y--z".split("--"))
print("1 2 3".split(" ", 0), "k=v=w".split("=", 1), "k=v=w".rpartition("="))
print("line1\nline2\n".split("\n"), "a\r\nb".split())
nums = [int(x) for x in "10, 20, 30".split(", ")]
print(nums, sum(nums))
answer = "2024-06-15".split("-")

# expect status: ok
# expect answer: ['2024', '06', '15']
# expect type: list
# expect stdout: "['the', 'quick', 'brown', 'fox', 'jumps']\n['', '', 'the', 'quick', '', 'brown\\tfox\\njumps', '', '']\n['a', 'b', '', 'c', ''] ['a', 'b,,c,'] ['a,b,', 'c', '']\n['a', 'b', 'c d'] ['a b c', 'd'] ['a b', 'c', 'd']\n[] [''] [] ['', ''] ['x', 'y', 'z']\n['1 2 3'] ['k', 'v=w'] ('k=v', '=', 'w')\n['line1', 'line2', ''] ['a', 'b']\n[10, 20, 30] 60\n"
