# A solution that forgets to return gives None as the answer, not an error.
def solution():
    total = 5 + 7
    print("total computed:", total)

# expect status: ok
# expect answer: None
# expect type: NoneType
# expect stdout: "total computed: 12\n"
