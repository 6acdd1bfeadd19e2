# Sorting and selecting with key=lambda.
people = [("Ann", 31), ("bob", 25), ("Cid", 31), ("dee", 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[0].lower(), reverse=True))
print(max(people, key=lambda p: p[1]))  # first maximal element wins
print(min(people, key=lambda p: len(p[0]) * 100 + p[1]))
words = ["banana", "Apple", "cherry", "apple"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
scores = {"x": 3, "y": 7, "z": 7}
best = max(scores, key=lambda k: scores[k])
print(best, sorted(scores.items(), key=lambda kv: kv[1], reverse=True))
answer = sorted(people, key=lambda p: (p[1], p[0]))

# expect status: ok
# expect answer: [('dee', 19), ('bob', 25), ('Ann', 31), ('Cid', 31)]
# expect type: list
# expect stdout: "[('dee', 19), ('bob', 25), ('Ann', 31), ('Cid', 31)]\n[('Ann', 31), ('Cid', 31), ('bob', 25), ('dee', 19)]\n[('dee', 19), ('Cid', 31), ('bob', 25), ('Ann', 31)]\n('Ann', 31)\n('dee', 19)\n['Apple', 'apple', 'banana', 'cherry'] ['Apple', 'apple', 'banana', 'cherry'] ['Apple', 'apple', 'banana', 'cherry']\ny [('y', 7), ('z', 7), ('x', 3)]\n"
