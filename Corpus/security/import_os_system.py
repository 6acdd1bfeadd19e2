# sal-only: sandbox
# Importing an unavailable module binds a placeholder; using it raises ModuleNotFoundError.
import os
os.system('ls')
answer = 1

# expect status: error
# expect error: ModuleNotFoundError
# expect line: 4
