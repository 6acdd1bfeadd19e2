# sal-only: resource limit
# A loop printing 2 MB per line passes the 1 MiB output limit on its first big line; the write that
# would pass the limit is refused whole, so only the header is in the output.
print("starting")
for i in range(10 ** 4):
    print('x' * (2 * 10 ** 6))
answer = i

# expect status: limit
# expect stdout: "starting\n"
# expect error: OutputLimit
