# sal-only: needs host functions
# Question: Could a hot air balloon reach the summit height of Mount Everest?
everest_height_m = lookup("Mount Everest", "elevation in meters")
balloon_record_m = lookup("hot air balloon", "altitude record in meters")
print(f"Everest: {everest_height_m} m, balloon record: {balloon_record_m} m")
answer = compare(balloon_record_m, everest_height_m, ">=")
