# sal-only: resource limit
# The output limit is not an exception, so the handler does not run and nothing more is printed.
try:
    print("=" * (3 * 10 ** 6))
except BaseException:
    print("caught")
answer = 1

# expect status: limit
# expect error: OutputLimit
