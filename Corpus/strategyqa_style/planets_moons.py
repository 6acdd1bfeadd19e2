# sal-only: needs host functions
# Question: Does Mars have more moons than Earth?
mars_moons = lookup("Mars", "number of moons")
earth_moons = lookup("Earth", "number of moons")
answer = mars_moons > earth_moons
print(f"Mars: {mars_moons}, Earth: {earth_moons}")
