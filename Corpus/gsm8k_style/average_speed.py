from math import floor

def solution():
    # A cyclist rides 36 km at 12 km/h, then 24 km at 8 km/h, then rests 30 minutes and rides
    # 15 km at 10 km/h. What is the average speed over the whole trip, including the rest?
    legs = [(36, 12), (24, 8), (15, 10)]
    rest_hours = 30 / 60
    total_distance = sum(d for d, _ in legs)
    total_time = sum(d / s for d, s in legs) + rest_hours
    average = total_distance / total_time
    print(f"distance={total_distance} km, time={total_time} h, average={average:.3f} km/h")
    return round(average, 2)

ans = solution()

# expect status: ok
# expect answer: 9.38
# expect type: float
# expect stdout: "distance=75 km, time=8.0 h, average=9.375 km/h\n"
