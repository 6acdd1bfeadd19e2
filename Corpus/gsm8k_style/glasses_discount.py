def solution():
    # Kylar wants 16 glasses. One glass costs $5, but every second glass costs only 60% of the price.
    price = 5
    total_glasses = 16
    discounted_price = price * 0.6
    full_price_glasses = total_glasses // 2
    discounted_glasses = total_glasses - full_price_glasses
    total = full_price_glasses * price + discounted_glasses * discounted_price
    print(f"{full_price_glasses} glasses at ${price} and {discounted_glasses} at ${discounted_price:.2f}")
    return total

answer = solution()

# expect status: ok
# expect answer: 64.0
# expect type: float
# expect stdout: "8 glasses at $5 and 8 at $3.00\n"
