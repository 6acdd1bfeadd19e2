# solver() is the next fallback after solution().
import math

def solver():
    students = 47
    per_bus = 12
    buses = math.ceil(students / per_bus)
    print("buses:", buses)
    return buses

# expect status: ok
# expect answer: 4
# expect type: int
# expect stdout: "buses: 4\n"
