word = "cat"
word[0] = "b"
answer = word

# expect status: error
# expect error: TypeError "'str' object does not support item assignment"
# expect line: 2
