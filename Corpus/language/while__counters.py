# Counter-driven while loops typical of word problems.
balance = 1000.0
years = 0
while balance < 2000:
    balance *= 1.07
    years += 1
print(f"{years} years, balance {balance:.2f}")
eggs = 100
days = 0
while eggs > 0:
    eggs -= 7
    days += 1
print(days, eggs)
a, b = 0, 1
count = 0
while b < 1000:
    a, b = b, a + b
    count += 1
print(count, b)
answer = years

# expect status: ok
# expect answer: 11
# expect type: int
# expect stdout: "11 years, balance 2104.85\n15 -5\n16 1597\n"
