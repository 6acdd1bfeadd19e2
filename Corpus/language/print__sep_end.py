# print with sep and end, empty print, and output spanning calls.
print("a", "b", "c", sep="-")
print("a", "b", sep="")
print("no newline", end="")
print(" -> continued")
print("x", "y", sep=", ", end=".\n")
print()
print(1, 2, 3, sep="\n")
print("", end="")
print("tab", "sep", sep="\t", end="!\n")
print(*range(5), sep=" < ")
print("end", end=" ")
print("same line", sep="IGNORED-with-one-arg")
print(sep="only sep", end="only end\n")
print("flushed", flush=True)
answer = "done"

# expect status: ok
# expect answer: 'done'
# expect type: str
# expect stdout: "a-b-c\nab\nno newline -> continued\nx, y.\n\n1\n2\n3\ntab\tsep!\n0 < 1 < 2 < 3 < 4\nend same line\nonly end\nflushed\n"
