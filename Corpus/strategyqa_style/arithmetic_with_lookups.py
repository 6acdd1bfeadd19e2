# sal-only: needs host functions
# Question: Would it take more than a year to walk the length of the Great Wall of China at 30 km a day?
import math
length_km = lookup("Great Wall of China", "length in km")
days = math.ceil(length_km / 30)
print(f"{days} days of walking")
answer = days > 365
