prices = {"apple": 1.5, "pear": 2.0}
answer = prices["banana"] * 3

# expect status: error
# expect error: KeyError "'banana'"
# expect line: 2
