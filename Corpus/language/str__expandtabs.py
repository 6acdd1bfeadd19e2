# expandtabs with the default and explicit tab sizes, across newlines.
s = "a\tbc\tdef\tg"
print(repr(s.expandtabs()), repr(s.expandtabs(4)), repr(s.expandtabs(1)), repr(s.expandtabs(0)))
print(repr("12345678\tx".expandtabs()), repr("x\ny\tz".expandtabs(3)), repr("\t".expandtabs(2)))
answer = "name\tqty\nbolt\t10".expandtabs(6)

# expect status: ok
# expect answer: 'name  qty\nbolt  10'
# expect type: str
# expect stdout: "'a       bc      def     g' 'a   bc  def g' 'a bc def g' 'abcdefg'\n'12345678        x' 'x\\ny  z' '  '\n"
