# Fill characters and alignment, including '=' alignment and numeric zero padding.
v = -42
print(f"[{v:=8}] [{v:0=8}] [{v:*>8}] [{v:_<8}] [{v:.^9}] [{v:08}]")
print(f"[{'x':-^5}] [{'x':0>4}] [{'wide':>2}] [{'':#>3}] [{7:03}] [{7.5:06.2f}]")
print(f"[{'left':<10}] [{'right':>10}] [{'mid':^10}] [{'mid':^11}]")
rows = [("apples", 3, 1.5), ("kiwis", 12, 0.25), ("melon", 1, 3.0)]
for name, qty, price in rows:
    print(f"{name:<8}{qty:>4}{price:>8.2f}{qty * price:>9.2f}")
print(f"{'total':<8}{sum(q for _, q, _ in rows):>4}{'':>8}{sum(q * p for _, q, p in rows):>9.2f}")
answer = f"[{v:^+9}]"

# expect status: ok
# expect answer: '[   -42   ]'
# expect type: str
# expect stdout: "[-     42] [-0000042] [*****-42] [-42_____] [...-42...] [-0000042]\n[--x--] [000x] [wide] [###] [007] [007.50]\n[left      ] [     right] [   mid    ] [    mid    ]\napples     3    1.50     4.50\nkiwis     12    0.25     3.00\nmelon      1    3.00     3.00\ntotal     16            10.50\n"
