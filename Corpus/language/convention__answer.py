# The global 'answer' is the program's result.
total_pages = 120
read_per_day = 15
days = total_pages // read_per_day
print(f"It takes {days} days.")
answer = days

# expect status: ok
# expect answer: 8
# expect type: int
# expect stdout: "It takes 8 days.\n"
