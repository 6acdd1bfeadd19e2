# Generator expressions and comprehensions combined with key= functions.
words = ["kiwi", "fig", "banana", "apple", "date"]
print(max((w for w in words), key=len), min(words, key=lambda w: (len(w), w)))
print(sorted((w.upper() for w in words), key=lambda w: w[-1]))
scores = {"ann": [90, 80], "ben": [70, 95, 85], "cal": [88]}
averages = {k: sum(v) / len(v) for k, v in scores.items()}
print(averages)
best = max(averages, key=averages.get)
print(best, sorted(scores, key=lambda k: sum(scores[k]), reverse=True))
print(sum(len(v) for v in scores.values()), max(max(v) for v in scores.values()))
answer = best

# expect status: ok
# expect answer: 'cal'
# expect type: str
# expect stdout: "banana fig\n['BANANA', 'APPLE', 'DATE', 'FIG', 'KIWI']\n{'ann': 85.0, 'ben': 83.33333333333333, 'cal': 88.0}\ncal ['ben', 'ann', 'cal']\n6 95\n"
