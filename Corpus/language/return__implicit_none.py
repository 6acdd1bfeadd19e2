# A function without return, or with a bare return, gives None.
def nothing():
    pass
def bare(x):
    if x:
        return
    print("no return statement reached")
def side_effect(lst):
    lst.append(1)
print(nothing(), bare(1), bare(0))
lst = []
r = side_effect(lst)
print(r, lst)
sorted_result = [3, 1].sort()
print(sorted_result)
answer = nothing()

# expect status: ok
# expect answer: None
# expect type: NoneType
# expect stdout: "no return statement reached\nNone None None\nNone [1]\nNone\n"
