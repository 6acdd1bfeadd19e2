# join over lists, tuples, generators, dict keys and single strings.
words = ["alpha", "beta", "gamma"]
print(" ".join(words), ", ".join(words), "".join(words), "-".join("abc"))
print("\n".join(["line 1", "line 2"]))
print(", ".join(str(n) for n in range(5)), "+".join(map(str, [1, 2, 3])) + " = 6")
print("|".join({"k1": 1, "k2": 2}), "".join(reversed("stressed")), " ".join([]), repr("x".join([""])))
print(" and ".join(sorted(["pears", "apples"])), ", ".join(words[:-1]) + " and " + words[-1])
answer = "/".join(["usr", "local", "bin"])

# expect status: ok
# expect answer: 'usr/local/bin'
# expect type: str
# expect stdout: "alpha beta gamma alpha, beta, gamma alphabetagamma a-b-c\nline 1\nline 2\n0, 1, 2, 3, 4 1+2+3 = 6\nk1|k2 desserts  ''\napples and pears alpha, beta and gamma\n"
