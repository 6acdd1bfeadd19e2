# sal-only: sandbox
# The classic sandbox escape through object.__subclasses__ is rejected at compile time.
classes = ().__class__.__bases__[0].__subclasses__()
answer = len(classes)

# expect status: syntax
# expect error: UnsupportedSyntax "sal does not allow attribute names that begin with '_': '__class__'"
# expect line: 3
