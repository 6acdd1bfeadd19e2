# sal-only: sandbox
# An unused numpy import is fine (see language/import__unused_numpy.py); using it is not.
import numpy as np
answer = int(np.sum(np.array([1, 2, 3])))

# expect status: error
# expect error: ModuleNotFoundError
# expect line: 4
