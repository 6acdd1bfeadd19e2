#!/usr/bin/env python3
"""Checks Grammar/diagnostic-cases.txt against the CPython running this script (use 3.11).

For each case: CPython must raise the marked exception type with the marked message at the marked line
and column (unless the marker has "~"); for "sal" cases CPython must compile the source.
Usage: python3 Grammar/check-diagnostic-cases.py [path/to/diagnostic-cases.txt]
"""
import pathlib
import re
import sys
import warnings

MARKER = re.compile(r"^( *)\^ (SyntaxError|IndentationError|TabError|sal)(~?) ([a-z0-9.\-]+): (.*)$")


def cases(text):
    """Yields (title, source, line, column, type, exact_position, id, message)."""
    blocks = text.split("\n=== ")
    for block in blocks[1:]:
        title, _, body = block.partition("\n")
        source_lines, marker = [], None
        for line in body.split("\n"):
            match = MARKER.match(line)
            if match and marker is None:
                marker = (len(source_lines), len(match.group(1)) + 1, match.group(2), match.group(3) != "~",
                          match.group(4), match.group(5))
            else:
                source_lines.append(line)
        if marker is None:
            raise SystemExit(f"case '{title}' has no marker line")
        yield (title, "\n".join(source_lines)) + marker


def main():
    path = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else pathlib.Path(__file__).with_name("diagnostic-cases.txt"))
    warnings.simplefilter("ignore")
    failures = 0
    count = 0
    for title, source, line, column, kind, exact, _, message in cases(path.read_text(encoding="utf-8")):
        count += 1
        try:
            compile(source, "<case>", "exec")
            outcome = None
        except SyntaxError as error:
            outcome = (type(error).__name__, error.msg, error.lineno, error.offset)
        if kind == "sal":
            if outcome is not None:
                failures += 1
                print(f"FAIL {title!r}: CPython rejects it: {outcome}")
            continue
        expected = (kind, message, line, column)
        if outcome is None or outcome[:2] != expected[:2] or (exact and outcome[2:] != expected[2:]):
            failures += 1
            print(f"FAIL {title!r}: expected {expected}, CPython gives {outcome}")
    print(f"{count - failures} of {count} cases agree with CPython {sys.version.split()[0]}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
