# if / elif / else chains, including ones where no branch runs.
def grade(score):
    if score >= 90:
        return "A"
    elif score >= 80:
        return "B"
    elif score >= 70:
        return "C"
    else:
        return "F"

results = [grade(s) for s in (95, 90, 85, 71, 70, 12)]
print(results)
x = 5
if x > 10:
    print("big")
elif x > 100:
    print("huge")
label = "none"
if x % 2:
    label = "odd"
print(label)
if []:
    print("empty list is true?")
elif {}:
    print("empty dict is true?")
else:
    print("empties are false")
answer = results

# expect status: ok
# expect answer: ['A', 'A', 'B', 'C', 'C', 'F']
# expect type: list
# expect stdout: "['A', 'A', 'B', 'C', 'C', 'F']\nodd\nempties are false\n"
