```python
def solution():
    return 42
```

# expect status: syntax
# expect error: SyntaxError "invalid syntax"
# expect line: 1
