# divmod on ints and floats of every sign.
for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (10 ** 20, 7)]:
    print(a, b, divmod(a, b))
for a, b in [(17.5, 5), (-17.5, 5), (17.5, -5), (1, 0.3), (-1e-9, 2.0)]:
    print(a, b, divmod(a, b))
minutes = 135
hours, mins = divmod(minutes, 60)
print(f"{hours}h {mins}m")
answer = divmod(1000, 7)

# expect status: ok
# expect answer: (142, 6)
# expect type: tuple
# expect stdout: "17 5 (3, 2)\n-17 5 (-4, 3)\n17 -5 (-4, -3)\n-17 -5 (3, -2)\n0 3 (0, 0)\n100000000000000000000 7 (14285714285714285714, 2)\n17.5 5 (3.0, 2.5)\n-17.5 5 (-4.0, 2.5)\n17.5 -5 (-4.0, -2.5)\n1 0.3 (3.0, 0.10000000000000003)\n-1e-09 2.0 (-1.0, 1.999999999)\n2h 15m\n"
