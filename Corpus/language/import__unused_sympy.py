# An unused sympy import, alongside plain arithmetic.
from sympy import Symbol
from sympy import symbols, Eq, solve

# Janet's ducks lay 16 eggs per day; she eats 3 and bakes with 4, selling the rest at $2.
eggs = 16 - 3 - 4
answer = eggs * 2
print(answer)

# expect status: ok
# expect answer: 18
# expect type: int
# expect stdout: "18\n"
