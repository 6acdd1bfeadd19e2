answer = f"{'text':d}"

# expect status: error
# expect error: ValueError "Unknown format code 'd' for object of type 'str'"
# expect line: 1
