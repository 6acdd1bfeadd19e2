# With no 'answer' or 'ans', solution() is called with no arguments.
def solution():
    """A baker makes 3 batches of 24 cookies and sells 50."""
    batches = 3
    per_batch = 24
    sold = 50
    left = batches * per_batch - sold
    print(f"Left over: {left}")
    return left

# expect status: ok
# expect answer: 22
# expect type: int
# expect stdout: "Left over: 22\n"
