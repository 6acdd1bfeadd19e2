# sal-only: sandbox
import subprocess
result = subprocess.run(['cat', '/etc/passwd'])
answer = result

# expect status: error
# expect error: ModuleNotFoundError
# expect line: 3
