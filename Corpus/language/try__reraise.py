# Bare raise re-raises the current exception; handlers can log and re-raise.
log = []
def inner():
    raise KeyError("k")
def middle():
    try:
        inner()
    except KeyError:
        log.append("middle saw it")
        raise
try:
    middle()
except KeyError as e:
    log.append(f"top caught {e!r}")
print(log)
def retry(times):
    attempts = 0
    while True:
        try:
            attempts += 1
            if attempts < times:
                raise RuntimeError("flaky")
            return attempts
        except RuntimeError:
            if attempts >= 5:
                raise
print(retry(3))
try:
    retry(10)
except RuntimeError as e:
    print("gave up:", e)
answer = log

# expect status: ok
# expect answer: ['middle saw it', "top caught KeyError('k')"]
# expect type: list
# expect stdout: "['middle saw it', \"top caught KeyError('k')\"]\n3\ngave up: flaky\n"
