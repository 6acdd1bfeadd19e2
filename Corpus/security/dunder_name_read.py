# Module-level dunder names a program may read: __name__ is 'builtins' under exec with fresh globals.
label = __name__
print(label)
answer = label == "__main__"

# expect status: ok
# expect answer: False
# expect type: bool
# expect stdout: "builtins\n"
