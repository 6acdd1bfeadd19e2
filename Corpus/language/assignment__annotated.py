# Annotated assignments: the annotation is evaluated but not enforced.
count: int = 3
price: float = 2.5
name: str = "widget"
items: list = [1, 2]
label: str  # annotation without a value binds nothing
total: int = count * price  # an int annotation holding a float is fine
def area(width: float, height: float = 2.0) -> float:
    result: float = width * height
    return result
print(count, price, name, items, total)
print(area(3), area(1.5, 4))
try:
    print(label)
except NameError as e:
    print("NameError:", e)
answer = total

# expect status: ok
# expect answer: 7.5
# expect type: float
# expect stdout: "3 2.5 widget [1, 2] 7.5\n6.0 6.0\nNameError: name 'label' is not defined\n"
