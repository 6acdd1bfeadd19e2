# Self-recursive lambdas are just recursion: a catchable RecursionError, not a sandbox matter.
bomb = lambda: bomb()
try:
    bomb()
except RecursionError as e:
    print("stopped:", e)
grow = lambda n: grow(n + 1) + 1
answer = grow(0)

# expect status: error
# expect stdout: "stopped: maximum recursion depth exceeded\n"
# expect error: RecursionError "maximum recursion depth exceeded"
# expect line: 7
