if True:
	x = 1
        y = 2
answer = 1

# expect status: syntax
# expect error: TabError "inconsistent use of tabs and spaces in indentation"
# expect line: 3
