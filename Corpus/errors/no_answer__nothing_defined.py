# The program runs but defines none of the answer names.
result = 6 * 7
print(result)

# expect status: error
# expect stdout: "42\n"
# expect error: NoAnswer "program did not define 'answer', 'ans', 'solution', 'solver' or 'main'"
