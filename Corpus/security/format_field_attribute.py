# sal-only: sandbox
# str.format can read attributes through '{0.name}'; sal refuses '_' names there. CPython would print
# "<class 'int'>"; sal must raise instead of leaking the class (AttributeError is the chosen type).
answer = '{0.__class__}'.format(1)

# expect status: error
# expect error: AttributeError
# expect line: 4
