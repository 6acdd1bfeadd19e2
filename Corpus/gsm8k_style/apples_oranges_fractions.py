# Tom has 3/4 as many apples as oranges. He has 28 oranges. He gives away 1/7 of his apples and
# half of his oranges. How many pieces of fruit does he have left?
oranges = 28
apples = oranges * 3 / 4
apples_left = apples - apples / 7
oranges_left = oranges / 2
fruit_left = apples_left + oranges_left
print("apples left:", apples_left)
print("oranges left:", oranges_left)
answer = fruit_left

# expect status: ok
# expect answer: 32.0
# expect type: float
# expect stdout: "apples left: 18.0\noranges left: 14.0\n"
