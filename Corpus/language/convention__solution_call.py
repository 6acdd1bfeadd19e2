# sal-answer: call:solution
# The answer spec forces a call of solution(), even though 'answer' is also defined.
answer = "ignored global"

def solution():
    hours = 7.5
    rate = 18
    overtime = max(0, hours - 6) * rate * 0.5
    return hours * rate + overtime

# expect status: ok
# expect answer: 148.5
# expect type: float
