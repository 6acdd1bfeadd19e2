# Sets of strings iterate in CPython's order under PYTHONHASHSEED=0 (the empty string hashes to 0).
print({'', 1}, {8, 5, ''}, {'apple', 'banana', 'cherry'})
print({'é', 'ĀĂ', '😀', 'plain'}, hash(''), hash('abc'), hash('é'))
words = "the cat sat on the mat with the hat".split()
print(set(words))
print({w.upper() for w in words})
answer = set('mississippi')

# expect status: ok
# expect answer: {'p', 'm', 's', 'i'}
# expect type: set
# expect stdout: "{'', 1} {8, '', 5} {'banana', 'cherry', 'apple'}\n{'é', 'ĀĂ', 'plain', '😀'} 0 -4594863902769663758 6047309291227476195\n{'cat', 'mat', 'sat', 'the', 'on', 'hat', 'with'}\n{'CAT', 'SAT', 'MAT', 'THE', 'HAT', 'ON', 'WITH'}\n"
