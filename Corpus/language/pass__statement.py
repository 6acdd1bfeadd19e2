# pass in every block position.
def todo():
    pass
for i in range(3):
    pass
if True:
    pass
else:
    pass
while False:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
count = 0
for i in range(5):
    if i % 2:
        pass
    else:
        count += 1
print(todo(), i, count)
answer = count

# expect status: ok
# expect answer: 3
# expect type: int
# expect stdout: "None 4 3\n"
