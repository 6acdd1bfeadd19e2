import math

# 157 students and 12 teachers go on a trip. Each bus seats 45 people. Each bus costs $275.
students = 157
teachers = 12
seats_per_bus = 45
cost_per_bus = 275

people = students + teachers
buses = math.ceil(people / seats_per_bus)
total_cost = buses * cost_per_bus
cost_per_person = total_cost / people

print(f"People: {people}")
print(f"Buses needed: {buses}")
print(f"Total cost: ${total_cost}")
print(f"Cost per person: ${cost_per_person:.2f}")
answer = total_cost

# expect status: ok
# expect answer: 1100
# expect type: int
# expect stdout: "People: 169\nBuses needed: 4\nTotal cost: $1100\nCost per person: $6.51\n"
