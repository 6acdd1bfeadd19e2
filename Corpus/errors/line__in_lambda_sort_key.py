people = [{"name": "a", "age": 3}, {"name": "b"}]
answer = sorted(people, key=lambda p: p["age"])

# expect status: error
# expect error: KeyError "'age'"
# expect line: 2
