# A misspelled name inside a function called from the answer line.
def total_cost(price, quantity):
    subtotal = price * quantity
    return subtotl * 1.08

print("computing")
answer = total_cost(2.5, 4)

# expect status: error
# expect stdout: "computing\n"
# expect error: NameError "name 'subtotl' is not defined"
# expect line: 4
