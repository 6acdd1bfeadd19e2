# sal-only: needs host functions
# Question: Are all of the Great Lakes deeper than 50 meters at their deepest point?
lakes = ["Superior", "Michigan", "Huron", "Erie", "Ontario"]
depths = {}
for lake in lakes:
    depths[lake] = lookup(f"Lake {lake}", "maximum depth in meters")
shallow = [name for name, depth in depths.items() if depth <= 50]
print("Too shallow:", shallow)
answer = len(shallow) == 0
