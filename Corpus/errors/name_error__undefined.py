apples = 5
answer = apples + oranges

# expect status: error
# expect error: NameError "name 'oranges' is not defined"
# expect line: 2
