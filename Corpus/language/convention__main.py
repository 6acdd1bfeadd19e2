# main() is the last fallback.
def helper(x):
    return x * 3

def main():
    result = helper(14)
    print("result", result)
    return result

# expect status: ok
# expect answer: 42
# expect type: int
# expect stdout: "result 42\n"
