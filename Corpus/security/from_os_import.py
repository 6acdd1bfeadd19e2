# sal-only: sandbox
# A from-import of an unavailable module fails no later than its first use.
from os import system
system('ls')
answer = 0

# expect status: error
# expect error: ModuleNotFoundError
