# round() uses round-half-to-even on the exact binary value.
print(round(0.5), round(1.5), round(2.5), round(3.5), round(-0.5), round(-1.5), round(-2.5))
print(round(2.675, 2), round(0.125, 2), round(0.375, 2), round(1.005, 2), round(2.5, 0), round(0.05, 1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(1234.5678, -2), round(5.5), round(6.5), round(7), round(7.0), round(-7.49))
print(type(round(2.5)), type(round(2.5, 0)), type(round(25, -1)), type(round(2.567, 1)))
answer = [round(0.5), round(2.5), round(2.675, 2), round(-1.5), round(1234, -2)]

# expect status: ok
# expect answer: [0, 2, 2.67, -2, 1200]
# expect type: list
# expect stdout: "0 2 2 4 0 -2 -2\n2.67 0.12 0.38 1.0 2.0 0.1\n1200 1200 1400 -1200 20 20\n1200.0 6 6 7 7 -7\n<class 'int'> <class 'float'> <class 'int'> <class 'float'>\n"
