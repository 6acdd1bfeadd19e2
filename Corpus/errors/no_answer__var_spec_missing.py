# sal-answer: var:final
answer = 1

# expect status: error
# expect error: NoAnswer "program did not define 'final'"
