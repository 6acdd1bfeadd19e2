# sal-only: needs host functions
# Question: Do penguins live at the North Pole?
reply = ask_llm("Do any wild penguin species live in the Arctic? Answer yes or no.")
answer = str(reply).strip().lower().startswith("yes")
print("reply:", reply)
