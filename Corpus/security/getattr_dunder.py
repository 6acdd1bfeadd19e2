# sal-only: sandbox
# Reaching a dunder through a string must fail at run time (no getattr, or getattr refusing '_' names).
cls = getattr(1, '__class__')
answer = cls

# expect status: error
