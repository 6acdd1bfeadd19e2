# String concatenation, repetition, comparison, membership, len and iteration.
a, b = "abc", "abd"
print(a + b, a * 3, 3 * "-", "x" * 0, "x" * -2, a < b, "Z" < "a", "apple" < "apricot", "" < "a")
print("abc" == "abc", "a" in a, "ab" in a, "ac" in a, len(""), len("héllo"), len("日本語"))
print([c for c in "hey"], list(reversed("hey")), sorted("banana"), max("hello"), min("hello"))
print("Hello"[1], "Hello"[-1], "ab" + "c" * 2, ("ab" + "c") * 2)
total = ""
for ch in "abc":
    total = ch + total
print(total)
print(sorted(["b", "B", "a", "A", "_", "1"]), "a" > "B", ord("a") - ord("A"))
answer = "-".join(["ab"] * 3) + "!" * 2

# expect status: ok
# expect answer: 'ab-ab-ab!!'
# expect type: str
# expect stdout: "abcabd abcabcabc ---   True True True True\nTrue True True False 0 5 3\n['h', 'e', 'y'] ['y', 'e', 'h'] ['a', 'a', 'a', 'b', 'n', 'n'] o e\ne o abcc abcabc\ncba\n['1', 'A', 'B', '_', 'a', 'b'] True 32\n"
