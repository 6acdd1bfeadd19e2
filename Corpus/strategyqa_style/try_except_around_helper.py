# sal-only: needs host functions
# Question: Can a blue whale's heart weigh more than a small car?
try:
    heart_kg = float(lookup("blue whale", "heart weight in kg"))
except (TypeError, ValueError):
    heart_kg = float(ask_llm("How many kilograms does a blue whale's heart weigh? Give a number."))
car_kg = 900
print(f"heart={heart_kg} kg, car={car_kg} kg")
answer = heart_kg > car_kg
