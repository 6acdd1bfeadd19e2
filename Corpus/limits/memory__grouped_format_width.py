# sal-only: resource limit
# A zero-filled, grouped format of a width near 2**63 asks for that many characters. sal reserves twice
# the width before grouping, saturating rather than overflowing, so the memory limit refuses it.
x = 5
answer = f"{x:+09000000000000000000,}"

# expect status: limit
# expect error: MemoryLimit
