# 'ans' is used when 'answer' is not defined.
cups_per_day = 3
days = 14
ans = cups_per_day * days
print(ans)

# expect status: ok
# expect answer: 42
# expect type: int
# expect stdout: "42\n"
