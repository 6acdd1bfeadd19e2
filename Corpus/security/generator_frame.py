# sal-only: sandbox
# Frame objects (and their f_globals / f_builtins) are not reachable: generators have no gi_frame.
g = (x for x in [1])
answer = g.gi_frame

# expect status: error
# expect error: AttributeError "'generator' object has no attribute 'gi_frame'"
# expect line: 4
