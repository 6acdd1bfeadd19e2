answer = 10.0 ** 400

# expect status: error
# expect error: OverflowError "(34, 'Numerical result out of range')"
# expect line: 1
