# Toulouse has twice as many sheep as Charleston. Charleston has 4 times as many sheep as Seattle.
# How many sheep do Toulouse, Charleston, and Seattle have together if Seattle has 20 sheep?
seattle = 20
charleston = 4 * seattle
toulouse = 2 * charleston
total = seattle + charleston + toulouse
print(f"Seattle: {seattle}, Charleston: {charleston}, Toulouse: {toulouse}")
answer = total

# expect status: ok
# expect answer: 260
# expect type: int
# expect stdout: "Seattle: 20, Charleston: 80, Toulouse: 160\n"
