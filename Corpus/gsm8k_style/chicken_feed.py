import math

# Every day, Wendi feeds each of her chickens three cups of mixed chicken feed, in three separate
# meals. In the morning she gives 15 cups, in the afternoon 25 cups. How many cups does she need to
# give in the final meal of the day if the size of Wendi's flock is 20 chickens?
num_chickens = 20
cups_per_chicken = 3
total_cups_needed = num_chickens * cups_per_chicken

morning = 15
afternoon = 25
final_meal = total_cups_needed - (morning + afternoon)

print("Total cups needed:", total_cups_needed)
print("Final meal:", final_meal)
answer = final_meal

# expect status: ok
# expect answer: 20
# expect type: int
# expect stdout: "Total cups needed: 60\nFinal meal: 20\n"
