# partition and rpartition return 3-tuples even when the separator is missing.
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("no separator".partition(":"), "no separator".rpartition(":"))
print("a:b".partition(":")[2], ":start".partition(":"), "end:".rpartition(":"))
email = "ada.lovelace@example.org"
user, at, domain = email.partition("@")
print(user, at, domain, domain.rpartition(".")[-1])
answer = "path/to/file.txt".rpartition("/")

# expect status: ok
# expect answer: ('path/to', '/', 'file.txt')
# expect type: tuple
# expect stdout: "('key', '=', 'value=more') ('key=value', '=', 'more')\n('no separator', '', '') ('', '', 'no separator')\nb ('', ':', 'start') ('end', ':', '')\nada.lovelace @ example.org org\n"
