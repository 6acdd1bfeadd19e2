def check_age(age):
    if age < 0:
        raise ValueError("age cannot be negative")
    return age
print(check_age(5))
answer = check_age(-1)

# expect status: error
# expect stdout: "5\n"
# expect error: ValueError "age cannot be negative"
# expect line: 3
