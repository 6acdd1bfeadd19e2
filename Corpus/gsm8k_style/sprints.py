def solver():
    # James runs 3 sprints 3 times a week, 60 meters each sprint.
    sprints_per_session = 3
    sessions_per_week = 3
    meters_per_sprint = 60
    total_meters = sprints_per_session * sessions_per_week * meters_per_sprint
    return total_meters

ans = solver()
print(ans)

# expect status: ok
# expect answer: 540
# expect type: int
# expect stdout: "540\n"
