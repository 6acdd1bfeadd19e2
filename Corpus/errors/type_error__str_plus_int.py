age = 30
message = "Age: " + age
answer = message

# expect status: error
# expect error: TypeError "can only concatenate str (not \"int\") to str"
# expect line: 2
