# Josh buys a house for $80,000 and puts in $50,000 in repairs. This increased the value of the
# house by 150%. How much profit did he make?
purchase_price = 80000
repair_cost = 50000
total_cost = purchase_price + repair_cost

# The value increases by 150% of the purchase price
increase = purchase_price * 1.5
new_value = purchase_price + increase

profit = new_value - total_cost
print(f"Total cost: ${total_cost:,}")
print(f"New value: ${new_value:,.2f}")
print(f"Profit: ${profit:,.2f}")
answer = profit

# expect status: ok
# expect answer: 70000.0
# expect type: float
# expect stdout: "Total cost: $130,000\nNew value: $200,000.00\nProfit: $70,000.00\n"
