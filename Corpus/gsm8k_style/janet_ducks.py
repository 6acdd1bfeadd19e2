# Janet's ducks lay 16 eggs per day. She eats three for breakfast every morning and bakes muffins
# for her friends every day with four. She sells the remainder at the farmers' market daily for $2
# per fresh duck egg. How much in dollars does she make every day at the farmers' market?
eggs_per_day = 16
eaten = 3
baked = 4
price_per_egg = 2

remaining_eggs = eggs_per_day - eaten - baked
daily_income = remaining_eggs * price_per_egg
print(f"Remaining eggs: {remaining_eggs}")
print(f"Daily income: ${daily_income}")
answer = daily_income

# expect status: ok
# expect answer: 18
# expect type: int
# expect stdout: "Remaining eggs: 9\nDaily income: $18\n"
