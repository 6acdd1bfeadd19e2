# A store has 240 shirts. 25% are sold on Monday, then 1/3 of the remaining shirts are sold on
# Tuesday, and 40% of what is left are sold on Wednesday. How many shirts remain?
shirts = 240
monday_sold = shirts * 0.25
after_monday = shirts - monday_sold
tuesday_sold = after_monday / 3
after_tuesday = after_monday - tuesday_sold
wednesday_sold = after_tuesday * 0.40
remaining = after_tuesday - wednesday_sold

print(f"Monday: {monday_sold:.0f}, Tuesday: {tuesday_sold:.0f}, Wednesday: {wednesday_sold:.0f}")
print("Remaining shirts:", remaining)
answer = int(remaining) if remaining == int(remaining) else remaining

# expect status: ok
# expect answer: 72
# expect type: int
# expect stdout: "Monday: 60, Tuesday: 60, Wednesday: 48\nRemaining shirts: 72.0\n"
