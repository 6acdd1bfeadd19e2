#!/usr/bin/env python3
"""Writes the tokenizer and chat-template fixtures for sal's ModelTests (run by hand; outputs are committed).

Needs: `pip install tokenizers jinja2` (and `gguf` for the SmolLM2 part).
Writes into Tests/ModelTests/Fixtures/tokenizer/:
  tiny-*.tokenizer.json      one small byte-level BPE (trained here) saved with three pre-tokenizers
  tiny-*.encodings.json      reference ids and decodings of tricky strings, from the `tokenizers` package
  chat-template.json         ChatML templates, conversations rendered by jinja2, ids and assistant masks
  smollm2-reference.json     ids from the real SmolLM2 vocabulary (only when the model is cached,
                             see Scripts/setup.sh; an existing file is kept otherwise)

Reference ids come from Hugging Face `tokenizers`, never from sal. For SmolLM2 the tokenizer is rebuilt
from the GGUF vocabulary and merges with the pre-tokenizer of the model's tokenizer.json:
Sequence[Digits(individual_digits=True), ByteLevel(add_prefix_space=False, use_regex=True)].
"""

import json
import os
import pathlib
import sys

import jinja2
from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers

ROOT = pathlib.Path(__file__).resolve().parent.parent
OUT = ROOT / "Tests" / "ModelTests" / "Fixtures" / "tokenizer"
MODEL_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
PLAIN_ADDED_TOKEN = "<extra>"  # an added token that is not special: matched literally, kept by skip-special decoding

# SmolLM2-135M-Instruct's `tokenizer.chat_template` (checked against the GGUF below when it is cached).
SMOLLM2_TEMPLATE = (
    "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}"
    "{{ '<|im_start|>system\nYou are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}"
    "{% endif %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)
# The same family written differently: escaped newlines, double quotes, line breaks and whitespace control.
MULTILINE_TEMPLATE = """{%- for message in messages %}
    {%- if loop.first and messages[0]["role"] != "system" %}
        {{- "<|im_start|>system\\nYou are a careful assistant.\\n\\nAnswer briefly.<|im_end|>\\n" }}
    {%- endif %}
    {{- "<|im_start|>" + message["role"] + "\\n" + message["content"] + "<|im_end|>" + "\\n" }}
{%- endfor %}
{%- if add_generation_prompt %}
    {{- "<|im_start|>assistant\\n" }}
{%- endif %}
"""
NO_SYSTEM_TEMPLATE = (
    "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}"
    "{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}"
)

TRICKY_STRINGS = [
    "Hello world",
    "",
    " ",
    "    ",
    "\n",
    "   leading spaces",
    "trailing spaces   ",
    "tabs\tand\t\ttabs",
    "line1\nline2\n\nline4\n\n\n",
    "\r\n windows\r\nline",
    "  \n  \n",
    "a  b   c    d",
    "Tab\t \tmixed \t",
    "I'm can't won't they're we've I'll he'd",
    "CAPS DON'T CONTRACT",
    "'s 's ''s 'S",
    "it's 5 o'clock",
    "1234567890",
    "3.14159 and -42 and 1,000,000",
    "price: $19.99!!!",
    "1st 2nd 3rd 4th",
    "Ünïcödé café naïve",
    "a\u0301 combining accents e\u0301",
    "日本語のテキスト",
    "Ελληνικά και русский текст",
    "ﬁ ligature and ＦＵＬＬＷＩＤＴＨ",
    "emoji 😀👍🏽 family 👨\u200d👩\u200d👧 flags 🇫🇷",
    "😀😀😀text",
    "🙂\n🙃",
    "mixed١٢٣ Arabic-Indic digits ٤٥",
    "fractions ½ ¾ superscript ² roman Ⅻ",
    "ǅ titlecase ʰ modifier",
    "math: ∑ ∫ ≤ ≥ ≠ ∞",
    "NBSP\u00a0here and ideographic\u3000space",
    "word\u00a0\u00a0word",
    "zero\u200bwidth",
    "line\u2028separator\u2029para",
    "nel\u0085char",
    "control\u0000\u0001chars\u007f",
    "def f(x):\n    return x ** 2  # square\n",
    "for i in range(10):\n\tprint(i)",
    'json {"key": [1, 2, 3], "nested": {"a": null}}',
    "x = y+z; // comment\n/* block */",
    "http://example.com/path?query=1&b=2",
    "snake_case camelCase kebab-case",
    "!!!???...,,,",
    "<|im_start|>user\nhi<|im_end|>",
    "<|im_start|><|im_end|><|endoftext|>",
    "no<|im_end|>space",
    "<|im_start",
    "Hello<extra>world <extra>",
    "a" * 300,
    " " * 200 + "x",
    "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May.",
]

CORPUS_TEXT = """
The quick brown fox jumps over the lazy dog. Natalia sold clips to 48 of her friends in April,
and then she sold half as many clips in May. How many clips did Natalia sell altogether in April and May?
Weng earns $12 an hour for babysitting. Yesterday, she just did 50 minutes of babysitting. How much did she earn?
def solution():
    total = 0
    for i in range(10):
        total += i * 2
    return total
print(solution())
I'm sure they're right, but we've seen it won't work; I'll check what he'd say.
Unicode: café, naïve, Ünïcödé, 日本語のテキスト, русский текст, Ελληνικά. Emoji: 😀 👍 🙂 🙃.
{"key": [1, 2, 3], "nested": {"a": null}} x = y + z; // comment
"""


def train_tiny_tokenizer():
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel(add_prefix_space=False)]
    )
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=700,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    corpus = [CORPUS_TEXT] * 3 + [text for text in TRICKY_STRINGS if len(text) < 150]
    tokenizer.train_from_iterator(corpus, trainer=trainer)
    tokenizer.add_tokens([AddedToken(PLAIN_ADDED_TOKEN, special=False, normalized=False)])
    return tokenizer


def encodings_of(tokenizer, texts):
    cases = []
    for text in texts:
        encoding = tokenizer.encode(text, add_special_tokens=False)
        cases.append({
            "text": text,
            "ids": encoding.ids,
            "decoded": tokenizer.decode(encoding.ids, skip_special_tokens=False),
            "decodedSkippingSpecial": tokenizer.decode(encoding.ids, skip_special_tokens=True),
        })
    return cases


def write_json(name, value):
    path = OUT / name
    path.write_text(json.dumps(value, ensure_ascii=True, indent=1) + "\n")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size} bytes)")


def render(template_source, messages, add_generation_prompt):
    # Hugging Face renders chat templates with these two options set.
    environment = jinja2.Environment(trim_blocks=True, lstrip_blocks=True)
    return environment.from_string(template_source).render(
        messages=messages, add_generation_prompt=add_generation_prompt
    )


def assistant_mask(tokenizer, text, messages, template_source, add_generation_prompt):
    """Marks tokens overlapping each assistant message's content and its closing <|im_end|>, the way
    transformers' return_assistant_tokens_mask does: from the token holding the first character of the
    span to the token holding the last one. Spans are found by rendering prefixes of the conversation."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    mask = [0] * len(encoding.ids)
    for index, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        through = render(template_source, messages[: index + 1], False)
        end = len(through) - 1  # the closing "<|im_end|>" stays in, its trailing newline does not
        start = end - len(message["content"] + "<|im_end|>")
        assert text.startswith(through)
        assert through[start:end] == message["content"] + "<|im_end|>", (through[start:end], message)
        assert through[:start].endswith("<|im_start|>assistant\n")
        first = encoding.char_to_token(start)
        last = encoding.char_to_token(end - 1)
        for token in range(first, last + 1):
            mask[token] = 1
    return encoding.ids, mask


CONVERSATIONS = [
    [{"role": "user", "content": "What is 2 + 2?"}, {"role": "assistant", "content": "4"}],
    [
        {"role": "system", "content": "You write Python."},
        {"role": "user", "content": "Sum 1..10"},
        {"role": "assistant", "content": "def solution():\n    return sum(range(1, 11))"},
        {"role": "user", "content": "Now 1..100"},
        {"role": "assistant", "content": "def solution():\n    return 5050\n"},
    ],
    [{"role": "user", "content": "Hi"}],
    [
        {"role": "user", "content": "Say something odd"},
        {"role": "assistant", "content": "\n\n  leading blank lines, café ☕ and 123"},
    ],
    [{"role": "user", "content": "Empty answer?"}, {"role": "assistant", "content": ""}],
    [{"role": "assistant", "content": "I speak first."}, {"role": "user", "content": "ok"}],
    [],
]


def chat_fixture(tiny):
    templates = {
        "smollm2": (SMOLLM2_TEMPLATE, "You are a helpful AI assistant named SmolLM, trained by Hugging Face"),
        "multiline": (MULTILINE_TEMPLATE, "You are a careful assistant.\n\nAnswer briefly."),
        "noSystem": (NO_SYSTEM_TEMPLATE, None),
    }
    fixture = {"templates": {}, "cases": []}
    for name, (source, system_prompt) in templates.items():
        fixture["templates"][name] = {"source": source, "defaultSystemPrompt": system_prompt}
        for messages in CONVERSATIONS:
            for add_generation_prompt in (False, True):
                text = render(source, messages, add_generation_prompt)
                ids, mask = assistant_mask(tiny, text, messages, source, add_generation_prompt)
                fixture["cases"].append({
                    "template": name,
                    "messages": messages,
                    "addGenerationPrompt": add_generation_prompt,
                    "rendered": text,
                    "ids": ids,
                    "lossMask": mask,
                })
    return fixture


def model_path():
    directory = os.environ.get("SAL_MODEL_DIR") or os.path.join(os.path.expanduser("~"), ".cache", "sal", "models")
    return pathlib.Path(directory) / MODEL_FILE


def smollm2_tokenizer(path):
    import gguf

    reader = gguf.GGUFReader(str(path))

    def strings(key):
        field = reader.fields[key]
        return [bytes(field.parts[index]).decode("utf-8") for index in field.data]

    tokens = strings("tokenizer.ggml.tokens")
    merges = [tuple(merge.split(" ")) for merge in strings("tokenizer.ggml.merges")]
    types_field = reader.fields["tokenizer.ggml.token_type"]
    types = [int(types_field.parts[index][0]) for index in types_field.data]
    template_field = reader.fields["tokenizer.chat_template"]
    template = bytes(template_field.parts[template_field.data[0]]).decode("utf-8")
    assert template == SMOLLM2_TEMPLATE, "the cached model's chat template differs from SMOLLM2_TEMPLATE"
    pre_field = reader.fields["tokenizer.ggml.pre"]
    assert bytes(pre_field.parts[pre_field.data[0]]).decode() == "smollm"

    tokenizer = Tokenizer(models.BPE(vocab={token: index for index, token in enumerate(tokens)}, merges=merges))
    tokenizer.pre_tokenizer = pre_tokenizers.Sequence(
        [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel(add_prefix_space=False)]
    )
    tokenizer.decoder = decoders.ByteLevel()
    tokenizer.add_special_tokens([AddedToken(tokens[i], special=True, normalized=False) for i, t in enumerate(types) if t == 3])
    return tokenizer


SMOLLM2_STRINGS = [
    "Hello world",
    "Natalia sold clips to 48 of her friends in April, and then she sold half as many clips in May.",
    "def solution():\n    total = 12 * 3.5\n    return total\n",
    "I'm café-naïve: 日本語 😀 ½ ²",
    "  spaces\t\ttabs\n\n\nnewlines   ",
    "<|im_start|>user\nWhat is 2+2?<|im_end|>\n<|im_start|>assistant\n",
]


def smollm2_fixture(path):
    tokenizer = smollm2_tokenizer(path)
    conversation = CONVERSATIONS[1]
    text = render(SMOLLM2_TEMPLATE, conversation, False)
    ids, mask = assistant_mask(tokenizer, text, conversation, SMOLLM2_TEMPLATE, False)
    return {
        "model": MODEL_FILE,
        "vocabularySize": tokenizer.get_vocab_size(),
        "cases": encodings_of(tokenizer, SMOLLM2_STRINGS),
        "chat": {"messages": conversation, "rendered": text, "ids": ids, "lossMask": mask},
    }


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    tiny = train_tiny_tokenizer()
    variants = {
        "tiny-smollm": pre_tokenizers.Sequence(
            [pre_tokenizers.Digits(individual_digits=True), pre_tokenizers.ByteLevel(add_prefix_space=False)]
        ),
        "tiny-gpt2": pre_tokenizers.ByteLevel(add_prefix_space=False),
        "tiny-gpt2-prefix-space": pre_tokenizers.ByteLevel(add_prefix_space=True),
    }
    for name, pre_tokenizer in variants.items():
        tiny.pre_tokenizer = pre_tokenizer
        tiny.save(str(OUT / f"{name}.tokenizer.json"))
        print(f"wrote {name}.tokenizer.json ({(OUT / f'{name}.tokenizer.json').stat().st_size} bytes)")
        write_json(f"{name}.encodings.json", {"tokenizer": f"{name}.tokenizer.json", "cases": encodings_of(tiny, TRICKY_STRINGS)})
    tiny.pre_tokenizer = variants["tiny-smollm"]
    write_json("chat-template.json", {"tokenizer": "tiny-smollm.tokenizer.json", **chat_fixture(tiny)})

    path = model_path()
    if path.exists():
        write_json("smollm2-reference.json", smollm2_fixture(path))
    else:
        print(f"{path} is absent (run Scripts/setup.sh); smollm2-reference.json left as it is", file=sys.stderr)


if __name__ == "__main__":
    main()
