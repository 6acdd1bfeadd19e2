# statistics sorts its data as sorted() does, so data holding NaN give CPython's median.
import statistics
distance = float('nan')
print(statistics.median([33.333, distance, 0.045, 9.95]), statistics.median_low([3, distance, 1, 2]))
print(statistics.median_high([distance, 5.5, 1.25]), statistics.median([2, 1, distance]))
answer = statistics.median([9.95, 0.045, distance, 33.333, 7])

# expect status: ok
# expect answer: nan
# expect type: float
# expect stdout: "nan nan\n1.25 2\n"
