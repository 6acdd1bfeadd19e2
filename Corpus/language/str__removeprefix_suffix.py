# removeprefix and removesuffix remove one exact occurrence; strip removes characters.
print("unhappy".removeprefix("un"), "unhappy".removeprefix("xx"), "test_case".removeprefix("test_"))
print("file.txt".removesuffix(".txt"), "file.txt".removesuffix(".csv"), "aaa".removeprefix("a"), "".removesuffix("x"))
print("Mississippi".removesuffix("ppi"), "Mississippi".rstrip("ip"), "$ 45".removeprefix("$ "))
answer = ["v1.2".removeprefix("v"), "data.json".removesuffix(".json"), "abcabc".removeprefix("abc")]

# expect status: ok
# expect answer: ['1.2', 'data', 'abc']
# expect type: list
# expect stdout: "happy unhappy case\nfile file.txt aa \nMississi Mississ 45\n"
