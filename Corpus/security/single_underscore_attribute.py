# sal-only: sandbox
# Every attribute name beginning with '_' is rejected, not only dunders.
x = [1, 2]
answer = x._private

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not allow attribute names that begin with '_': '_private'"
# expect line: 4
