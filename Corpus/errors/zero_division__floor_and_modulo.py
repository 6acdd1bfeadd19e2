# Integer floor division and modulo by zero have their own messages; the first one raises.
def per_box(items, boxes):
    return items // boxes
print(per_box(10, 3))
answer = per_box(10, 0)

# expect status: error
# expect stdout: "3\n"
# expect error: ZeroDivisionError "integer division or modulo by zero"
# expect line: 3
