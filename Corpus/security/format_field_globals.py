# sal-only: sandbox
# A format field reaching a function's globals through a dunder attribute.
def f():
    return 1
answer = '{0.__globals__}'.format(f)

# expect status: error
# expect error: AttributeError
# expect line: 5
