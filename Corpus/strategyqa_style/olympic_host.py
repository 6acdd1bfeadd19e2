# sal-only: needs host functions
# Question: Did the country that hosted the 2008 Summer Olympics also host a FIFA World Cup?
host = ask_llm("Which country hosted the 2008 Summer Olympics?")
hosted_world_cup = ask_llm(f"Has {host} ever hosted a FIFA men's World Cup? Answer True or False.")
answer = bool(hosted_world_cup)
