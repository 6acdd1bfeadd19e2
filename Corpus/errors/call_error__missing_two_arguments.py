def volume(l, w, h):
    return l * w * h
answer = volume(2)

# expect status: error
# expect error: TypeError "volume() missing 2 required positional arguments: 'w' and 'h'"
# expect line: 3
