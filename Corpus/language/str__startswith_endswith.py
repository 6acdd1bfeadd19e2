# startswith and endswith with tuples of prefixes and with start/end positions.
fname = "report_2024.csv"
print(fname.startswith("report"), fname.endswith(".csv"), fname.endswith((".txt", ".csv")), fname.startswith(("data", "img")))
print(fname.startswith("2024", 7), fname.startswith("2024", 7, 9), fname.endswith("report", 0, 6), fname.endswith("", 3))
print("".startswith(""), "abc".startswith(""), "abc".startswith(("x", "")), "abc".endswith("abcd"))
urls = ["http://a.com", "https://b.org", "ftp://c.net", "www.d.io"]
print([u for u in urls if u.startswith(("http://", "https://"))])
answer = sum(1 for u in urls if u.endswith((".com", ".org")))

# expect status: ok
# expect answer: 2
# expect type: int
# expect stdout: "True True True False\nTrue False True True\nTrue True True False\n['http://a.com', 'https://b.org']\n"
