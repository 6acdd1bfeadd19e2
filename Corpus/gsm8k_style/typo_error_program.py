# A solution with a bug typical of generated code: a misspelled variable in the last step.
cookies_per_batch = 24
batches = 5
eaten = 17
remaining_cookies = cookies_per_batch * batches - eaten
print("Cookies baked:", cookies_per_batch * batches)
answer = remaning_cookies

# expect status: error
# expect stdout: "Cookies baked: 120\n"
# expect error: NameError "name 'remaning_cookies' is not defined"
# expect line: 7
