# sal-only: needs host functions
# Question: Could a cheetah outrun a car on a highway at the speed limit?
cheetah_kmh = lookup("cheetah", "top speed in km/h")
highway_limit_kmh = ask_llm("What is a typical highway speed limit in km/h?")
faster = compare(cheetah_kmh, highway_limit_kmh)  # default relation is ">"
answer = faster
