# sal-only: needs host functions
# Question: Was Abraham Lincoln older than 60 when he died?
def solver():
    birth_year = lookup("Abraham Lincoln", "birth year")
    death_year = lookup("Abraham Lincoln", "death year")
    age = death_year - birth_year
    print(f"Lincoln lived about {age} years")
    return age > 60

ans = solver()
