# sal-only: needs host functions
# Question: Would a dog likely outlive a parrot?
dog_lifespan = lookup("domestic dog", "average lifespan in years")
parrot_lifespan = lookup("parrot", "average lifespan in years")
answer = compare(dog_lifespan, parrot_lifespan, ">")
print("Dog outlives parrot:", answer)
