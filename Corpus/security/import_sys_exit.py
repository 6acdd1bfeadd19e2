# sal-only: sandbox
import sys
sys.exit()
answer = 1

# expect status: error
# expect error: ModuleNotFoundError
# expect line: 3
