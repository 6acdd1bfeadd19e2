# sal-only: needs host functions
# Question: Is the Eiffel Tower taller than the Statue of Liberty?
eiffel = lookup(entity="Eiffel Tower", attribute="height in meters")
liberty = lookup("Statue of Liberty", attribute="height in meters")
answer = compare(a=eiffel, b=liberty, relation=">")
