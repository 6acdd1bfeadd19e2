# Programs run with __name__ != "__main__", so a main guard's body does not run.
def solution():
    return 6 * 7

if __name__ == "__main__":
    print("this line does not run")
    answer = "from the guard"

print("module body ran")

# expect status: ok
# expect answer: 42
# expect type: int
# expect stdout: "module body ran\n"
