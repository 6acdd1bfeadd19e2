# sal-only: needs host functions
# Question: Are more people today related to Genghis Khan than Julius Caesar?
def solution():
    khan_descendants = ask_llm("Roughly how many living people are estimated to descend from Genghis Khan?")
    caesar_descendants = ask_llm("Roughly how many living people are known to descend from Julius Caesar?")
    return compare(khan_descendants, caesar_descendants, ">")

answer = solution()
