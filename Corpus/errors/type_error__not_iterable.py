n = 5
for i in n:
    print(i)
answer = n

# expect status: error
# expect error: TypeError "'int' object is not iterable"
# expect line: 2
