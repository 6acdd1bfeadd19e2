# sal-only: sandbox
# There is no standard input to read: input() writes its prompt and raises EOFError, as CPython does
# with an empty standard input.
name = input("name? ")
answer = name

# expect status: error
# expect stdout: "name? "
# expect error: EOFError "EOF when reading a line"
