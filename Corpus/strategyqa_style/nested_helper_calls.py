# sal-only: needs host functions
# Question: Is the author of "Pride and Prejudice" buried in the same country where she was born?
author = ask_llm("Who wrote Pride and Prejudice?")
birth_country = lookup(author, "country of birth")
burial_country = lookup(author, "country of burial")
answer = compare(birth_country, burial_country, "==")
