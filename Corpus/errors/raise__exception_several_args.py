# str() of an exception with several args is the tuple's repr.
raise ValueError("bad", 42)

# expect status: error
# expect error: ValueError "('bad', 42)"
# expect line: 2
