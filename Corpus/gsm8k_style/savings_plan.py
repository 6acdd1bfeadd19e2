def main():
    # Mia saves $15 in week 1 and each week saves $3 more than the week before.
    # How many weeks until her total savings reach at least $500?
    weekly = 15
    total = 0
    weeks = 0
    while total < 500:
        weeks += 1
        total += weekly
        weekly += 3
    print(f"After {weeks} weeks she has ${total}")
    return weeks

# expect status: ok
# expect answer: 15
# expect type: int
# expect stdout: "After 15 weeks she has $540\n"
