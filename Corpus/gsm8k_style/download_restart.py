import math

def solution():
    """Carla downloads a 200 GB file at 2 GB/minute. 40% of the way through, Windows forces a
    20-minute restart, and then she has to restart the download from the beginning.
    How long does it take to download the file, in minutes?"""
    file_size = 200
    speed = 2  # GB per minute
    before_restart = file_size * 0.4 / speed
    restart_time = 20
    full_download = file_size / speed
    total_time = before_restart + restart_time + full_download
    return total_time

result = solution()
print(f"Total time: {result} minutes")
answer = result

# expect status: ok
# expect answer: 160.0
# expect type: float
# expect stdout: "Total time: 160.0 minutes\n"
