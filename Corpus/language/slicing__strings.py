# String slicing, including reversal and stepping.
s = "Hello, World"
print(s[0], s[-1], s[7:], s[:5], s[::-1], s[::2], s[1::3], s[-5:-1])
print(s[100:], s[3:3], s[5:1], repr(s[-100:2]))
word = "racecar"
print(word == word[::-1], "python"[::-1])
digits = "2024-06-15"
year, month, day = int(digits[:4]), int(digits[5:7]), int(digits[-2:])
print(year, month, day)
print("abcdefgh"[6:1:-2], "abcdefgh"[-1::-3])
answer = s[7:12].upper() + s[:5][::-1]

# expect status: ok
# expect answer: 'WORLDolleH'
# expect type: str
# expect stdout: "H d World Hello dlroW ,olleH Hlo ol eoWl Worl\n   'He'\nTrue nohtyp\n2024 6 15\ngec heb\n"
