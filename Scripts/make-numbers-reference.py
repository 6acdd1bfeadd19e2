#!/usr/bin/env python3
"""Regenerates Tests/PythonRuntimeTests/Fixtures/numbers-reference.jsonl (read by NumbersReferenceTests).

Each case is an operation of sal's numeric and formatting layer (Operators.binary, Operators.compare,
Formatting.format, `%`, str.format, the numeric builtins, the math module, NumericHash, FloatRepr)
with its inputs and the result CPython gives: the repr of the value, the text for formatting
operations, or "!ExceptionType: message". Run with CPython 3.11:

    python3 Scripts/make-numbers-reference.py
"""
import json
import math
import operator
import statistics
import os
import struct
import sys

assert sys.version_info[:2] == (3, 11), "the reference is CPython 3.11"

cases = []


def encode(v):
    if isinstance(v, bool):
        return {"b": v}
    if isinstance(v, int):
        return {"i": str(v)}
    if isinstance(v, float):
        return {"f": struct.pack(">d", v).hex()}
    if v is None:
        return {"n": 0}
    if isinstance(v, str):
        return {"s": v}
    if isinstance(v, list):
        return {"l": [encode(x) for x in v]}
    if isinstance(v, tuple):
        return {"t": [encode(x) for x in v]}
    if isinstance(v, dict):
        return {"d": [[encode(k), encode(x)] for k, x in v.items()]}
    if isinstance(v, frozenset):
        return {"fs": [encode(x) for x in v]}
    if isinstance(v, set):
        return {"set": [encode(x) for x in v]}
    raise TypeError(type(v))


# sal has no complex numbers: where CPython returns one, sal raises this ValueError (a documented difference).
COMPLEX_RESULT = ("!ValueError: negative number cannot be raised to a fractional power "
                  "(the result would be complex, which sal does not support)")


def outcome(thunk, raw=False):
    try:
        result = thunk()
    except Exception as e:  # the exception is the expected outcome
        return f"!{type(e).__name__}: {e}"
    if isinstance(result, complex):
        return COMPLEX_RESULT
    return result if raw else repr(result)


BINARY = {
    "+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv,
    "//": operator.floordiv, "%": operator.mod, "**": operator.pow, "<<": operator.lshift,
    ">>": operator.rshift, "&": operator.and_, "|": operator.or_, "^": operator.xor, "@": operator.matmul,
}
COMPARE = {"==": operator.eq, "!=": operator.ne, "<": operator.lt, "<=": operator.le, ">": operator.gt, ">=": operator.ge}
UNARY = {"-": operator.neg, "+": operator.pos, "~": operator.invert}


def binary(sym, a, b):
    cases.append({"op": "bin", "sym": sym, "args": [encode(a), encode(b)], "expect": outcome(lambda: BINARY[sym](a, b))})


def compare(sym, a, b):
    cases.append({"op": "cmp", "sym": sym, "args": [encode(a), encode(b)], "expect": outcome(lambda: COMPARE[sym](a, b))})


def unary(sym, a):
    cases.append({"op": "un", "sym": sym, "args": [encode(a)], "expect": outcome(lambda: UNARY[sym](a))})


def call(name, *args, **kwargs):
    function = {"int": int, "float": float, "bool": bool}.get(name) or getattr(__builtins__, name)
    cases.append({"op": "call", "name": name, "args": [encode(a) for a in args],
                  "kwargs": [[k, encode(v)] for k, v in kwargs.items()],
                  "expect": outcome(lambda: function(*args, **kwargs))})


def mathcall(name, *args, **kwargs):
    cases.append({"op": "math", "name": name, "args": [encode(a) for a in args],
                  "kwargs": [[k, encode(v)] for k, v in kwargs.items()],
                  "expect": outcome(lambda: getattr(math, name)(*args, **kwargs))})


def statcall(name, *args, **kwargs):
    cases.append({"op": "stat", "name": name, "args": [encode(a) for a in args],
                  "kwargs": [[k, encode(v)] for k, v in kwargs.items()],
                  "expect": outcome(lambda: getattr(statistics, name)(*args, **kwargs))})


def fmt(value, spec):
    cases.append({"op": "format", "args": [encode(value)], "spec": spec, "expect": outcome(lambda: format(value, spec), raw=True)})


def percent(template, args):
    cases.append({"op": "percent", "template": template, "args": [encode(args)], "expect": outcome(lambda: template % args, raw=True)})


def strformat(template, *args, **kwargs):
    cases.append({"op": "strformat", "template": template, "args": [encode(a) for a in args],
                  "kwargs": [[k, encode(v)] for k, v in kwargs.items()],
                  "expect": outcome(lambda: template.format(*args, **kwargs), raw=True)})


def hashcase(value):
    cases.append({"op": "hash", "args": [encode(value)], "expect": outcome(lambda: hash(value))})


def reprcase(value):
    cases.append({"op": "repr", "args": [encode(value)], "expect": repr(value)})


inf, nan = float("inf"), float("nan")
BIG = 2**100 + 12345
NEGBIG = -(3**70)

# Arithmetic across int, big int, bool and float, including every division-by-zero message.
numbers = [0, 1, -1, 7, -7, 3, 2**62, -(2**63), 2**63 - 1, BIG, NEGBIG, True, False,
           0.0, -0.0, 1.5, -2.5, 7.0, 1e308, 5e-324, inf, -inf, nan]
for sym in ["+", "-", "*", "/", "//", "%"]:
    for a in numbers:
        for b in [0, 1, -3, 7, BIG, True, 0.0, -0.0, 2.5, -7.0, inf, nan]:
            binary(sym, a, b)
for a in [0, 1, -1, 2, -2, 3, 10, -3, True, False, BIG, 0.0, -0.0, 2.0, -2.0, 0.5, inf, -inf, nan, 1e300]:
    for b in [0, 1, 2, 3, -1, -2, 63, 64, 100, True, 0.0, 0.5, -0.5, 2.0, -3.0, inf, -inf, nan, 1e10]:
        binary("**", a, b)
for a in [0, 1, -1, 5, -5, 255, 2**62, -(2**63), BIG, NEGBIG, True, False, 1.5]:
    for b in [0, 1, 3, 63, 64, 65, 200, -1, True, False, BIG, 0x0F0F, -0x0F0F]:
        for sym in ["<<", ">>", "&", "|", "^"]:
            binary(sym, a, b)
for a, b in [(2**53 + 1, 1), (10**400, 10**399), (10**400, 3), (1, 10**400), (2**1024 - 1, 1),
             (2**1024 - 2**970, 1), (123456789012345678901234567890, 987654321), (1, 2**1074), (3, 2**1075),
             (1, 2**1075), (3, 2**1076), (2**54 + 3, 2), (-(2**64) - 1, 3), (10**30 + 1, 10**15)]:
    binary("/", a, b)
for a, b in [(2**64, -3), (-(2**64), 7), (-9223372036854775808, -1), (10**40, -(10**20) - 1), (-(10**40), 10**20 + 1)]:
    for sym in ["//", "%"]:
        binary(sym, a, b)
for a, b in [(3, 40), (-3, 41), (2, 100), (-2, 63), (2, 63), (7, 23), (10, 19), (10, 20), (-8, -1), (0, 0), (BIG, 3), (-1, BIG), (1, BIG), (0, BIG)]:
    binary("**", a, b)
for a, b in [(10**400, -1), (10**400, 1.0), (1.0, 10**400), (10**400, 0.5)]:
    binary("**", a, b)
    binary("+", a, b)

# Sequences, sets and dicts.
for a, b in [("ab", "cd"), ("", "x"), ([1], [2, 3]), ((1,), (2,)), ("a", 1), ([1], (1,)), ((1,), [1]),
             (1, "a"), ({1: 2}, {3: 4}), ({1: 2}, {1: 5}), ({1: 2}, [(3, 4)]), ([1], None)]:
    binary("+", a, b)
    binary("|", a, b)
for a, b in [("ab", 3), (3, "ab"), ("ab", 0), ("ab", -2), ([1, 2], 2), ((1,), 3), ("a", True), ("a", 1.5),
             (1.5, [1]), ("a", "b"), ([1], "a"), ("", 10**20), ("a", -(10**20)), ([None], 4)]:
    binary("*", a, b)
for a, b in [([1, 2], [1]), ({1, 2}, {2, 3}), ({1, 2}, [2]), (frozenset({1}), {1}), ([1], 2), ("a", 1.5)]:
    for sym in ["-", "&", "^", "%", "@"]:
        binary(sym, a, b)

# Comparisons: exact int/float, NaN, strings by code point, sequences, sets, unorderable pairs.
pairs = [(1, 1.0), (True, 1), (2**53 + 1, float(2**53 + 1)), (2**53 + 1, float(2**53)), (10**400, inf),
         (-(10**400), -inf), (BIG, float(BIG)), (3, 3.5), (-3, -3.5), (nan, nan), (1, nan), (nan, BIG),
         (0.0, -0.0), (2**63, 9.223372036854776e18), (2**63 - 1, 9.223372036854776e18), (-(2**63), -9.223372036854776e18),
         ("a", "b"), ("abc", "ab"), ("é", "z"), ("Z", "a"), ("", ""), ([1, 2], [1, 3]), ([1, 2], [1, 2, 0]),
         ((1, "a"), (1, "b")), ((1, 2), (1, "a")), ([1], (1,)), ({1, 2}, {1, 2, 3}), ({1, 2}, {1, 2}),
         (frozenset({1}), {1}), ({1: 2}, {1: 2}), ({1: 2}, {1: 3}), ({1: [1, 2]}, {1: [1, 2]}), (None, None),
         (None, 0), (1, "1"), ([1, [2, [3]]], [1, [2, [3]]]), ([1, [2, [3]]], [1, [2, [4]]]), ({}, {}),
         ({1: 2}, {1.0: 2}), ((), ()), ([nan], [nan]), (1, True), (2, True), (0.5, False), (BIG, NEGBIG)]
for a, b in pairs:
    for sym in COMPARE:
        compare(sym, a, b)

for sym in UNARY:
    for a in [0, 5, -5, -(2**63), 2**63, BIG, True, False, 1.5, -0.0, inf, nan, "a", [1], None]:
        unary(sym, a)

# Builtins.
for x in [0, -5, -(2**63), BIG, NEGBIG, True, -2.5, -0.0, -inf, nan, "a"]:
    call("abs", x)
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (7, 0), (7.5, 2), (-7.5, 2), (7.5, -2), (0.0, -2), (7, 0.0),
             (BIG, 7), (NEGBIG, -7), (True, 2), ("a", 1), (1, "a"), (-9223372036854775808, -1), (inf, 2), (2, inf)]:
    call("divmod", a, b)
for args in [(2, 10), (2, -1), (0, -1), (-8, 1 / 3), (2.0, 0.5), (2, 10, 1000), (3, 200, 10**9 + 7), (-3, 3, 5),
             (3, 3, -5), (-2, -1, 5), (2, -1, -5), (2, -1, 4), (5, 0, 1), (0, 0, 3), (2, 3, 0), (2.0, 3, 5),
             (2, 3.0, 5), ("a", 2), (BIG, BIG, 10**20 + 39), (2, 3, None), (1e308, 2), (10, 400, 7)]:
    call("pow", *args)
call("pow", base=2, exp=3)
call("pow", 2, exp=3, mod=5)
call("pow", 2)
call("pow", 1, 2, 3, 4)
for args in [(2.5,), (3.5,), (-2.5,), (0.5,), (-0.5,), (1.5,), (2.675, 2), (0.285, 2), (1.005, 2), (-1.005, 2),
             (123.456, -1), (123.456, -2), (1e300, -300), (1.7976931348623157e308, -308), (2.5, 0), (-0.4, 0),
             (25, -1), (35, -1), (-25, -1), (15, -1), (10**30 + 5 * 10**10, -11), (5, -1000), (7, 2), (7.0, 2),
             (True,), (True, 2), (1.23456, 400), (1.5, -400), (-1.5, -400), (0.0, 2), (-0.0,), (2.5e20,), (1e300,),
             (inf,), (nan,), (inf, 2), (nan, 1), (5e-324, 400), (1.5, 1.0), ("a",), (BIG, -5), (NEGBIG, -30),
             (2.5, None), (0.125, 2), (0.375, 2), (1234.5678, 3), (-1234.5678, -2), (2**60, -10)]:
    call("round", *args)
call("round", number=2.5)
for name in ["hex", "oct", "bin"]:
    for x in [0, 255, -255, BIG, NEGBIG, True, 1.5, "a"]:
        call(name, x)
for args in [(), ("42",), ("  -0x1F  ", 0), ("0x1f", 16), ("0x1f", 0), ("010", 0), ("010",), ("1_000",), ("1__000",),
             (" 12 ",), ("12", 1), ("12", 37), (1.5, 10), ("1.5",), ("abc",), ("+ 1",), ("",), (" ",), ("١٢٣",),
             (True,), (-2.5,), (1e20,), (-1e300,), (inf,), (nan,), ("0b101", 0), ("0B101", 2), ("0o17", 0), ("z", 36),
             ("0_1",), ("00",), ("0_0", 0), ("00", 0), ("0x_1f", 16), ("_1",), ("1_",), ([1],), (None,),
             ("9" * 30,), ("-" + "9" * 30,), ("1" * 4300,), ("1" * 4301,), ("1" * 5000, 2), ("12\t",), ("0b1", 16)]:
    call("int", *args)
call("int", "5", base=8)
call("int", x=1)
for args in [(), ("1.5",), (" 3.5 ",), ("1_000.5",), ("1e5",), ("inf",), ("-Infinity",), ("nAn",), ("infinit",),
             ("abc",), ("",), ("1.",), (".5",), (".",), ("1e",), ("1e+",), ("1_e5",), ("1e1_0",), ("1__0",),
             ("1._5",), ("1_.5",), ("0x10",), ("1e400",), ("-1e-400",), ("٣.٥",), (10**400,), (2**53 + 1,), (True,),
             ([1],), (None,), (1, 2), ("1.5\n",), ("0.1",), ("2.675",), ("9007199254740993",)]:
    call("float", *args)
for args in [(), (0,), ("",), ([],), (0.0,), ("a",), (1, 2)]:
    call("bool", *args)

# Float repr: shortest round-trip digits and CPython's layout rules.
for x in [0.0, -0.0, 1.0, 0.1, 1 / 3, 2 / 3, 1e16, 1e15, 9999999999999998.0, 0.0001, 0.00001, 1.5e300, 1e-300,
          123456789012345.0, 1234567890123456.0, 12345678901234567.0, 5e-324, 1.7976931348623157e308, 2.5e-10,
          9007199254740993.0, 1e22, 1e23, 100.0, 0.3, 2.675, inf, -inf, nan, -1.5, 4.35, 0.1 + 0.2]:
    reprcase(x)

# Hashes.
for x in [0, 1, -1, -2, 2**61 - 1, 2**61, 2**61 - 2, -(2**61), 2**64, -(2**100), BIG, NEGBIG, True, False, 0.0, -0.0,
          1.0, 1.5, -1.5, 0.1, 1e300, 5e-324, 2.0**100, -(2.0**70), inf, -inf, 2**63 - 1, -(2**63), 123456.789]:
    hashcase(x)

# Format specs.
for value, spec in [(True, ">5"), (True, "d"), (True, "f"), (True, ""), (float("inf"), "010"), (-inf, "=+10"),
                    (1, "abc"), ("ab", "05"), ("ab", "z"), ("ab", "#"), (1.5, "#"), (1.0, ".3"), (1234.5, ".2"),
                    (1e16, ""), (1e16, "10"), (1.0, "10"), (123456789.0, ".3"), (0.0001, "g"), (0.00001, "g"),
                    (1e-5, ".3"), (1e16, ".20"), (-0.0, "z.1f"), (-0.001, "z.1f"), (-0.001, "z"), (-0.0, ""),
                    (1234567.891, ",.2f"), (1234567, "_x"), (1234567, ",x"), (12345, "_b"), (-12345, "#010x"),
                    (12345, "=+10,"), (0.5, "%"), (1 / 3, ".2%"), (2.5, ".0f"), (3.5, ".0f"), (1.0, "#.0f"),
                    (1.0, "#.0e"), (123.456, "e"), (123.456, "E"), (1e-7, "G"), (nan, "F"), (10**20, "f"),
                    (10**400, "f"), (12, "c"), (65, "+c"), (65, "#c"), (2**40, "c"), ("abc", ".2"), ("abc", "^7"),
                    ("abc", "*^8"), (5, "x<5"), (-5, "05"), (-5, "0=5"), (5.0, "n"), (1234567, "n"),
                    (1234567.0, "n"), (1, "10000000000000000000000"), (1, ",_"), (1, "_,"), (1.5, "_g"), (1, "="),
                    (1, "<<"), ("a", "c"), ([1], ""), ([1], "5"), (None, ""), (None, "d"), (1, " "), (-1, " "),
                    (1, ".2f"), (123, ".2e"), (0, "#b"), (-0, "#x"), (255, "#X"), (8, "#o"), (1.5, "x"), ("a", "d"),
                    (1e22, ""), (1e22, "g"), (123456789012345678.0, ".17g"), (0.1, ".17"), (0.1, ".17g"), (100.0, "g"),
                    (100.0, "#g"), (1e100, ".0e"), (5e-324, ""), (5e-324, ".3e"), (1.7976931348623157e308, ""),
                    (1.0, "=10"), (1.0, "010"), (-1.0, "010"), ("x", "010"), ("x", "<010"), (1.0, "0<10"),
                    (1234.5, "010,.1f"), (1234.5, "0>10,.1f"), (123, "012,"), (123, "09,"), (1234, "07,"),
                    (1234, "08,"), (1, "."), (1, ".2"), (1, "zd"), ("x", "=5"), (1, "s"), ("a", "+"), ("a", ",s"),
                    (1.0, "d"), (BIG, ","), (NEGBIG, "_"), (BIG, "x"), (BIG, "e"), (3.14159, "+.3f"), (3.14159, " .2f"),
                    (-3.14159, "^12.4f"), (42, "*^10d"), (42, "+08d"), (0.000123456, ".3g"), (123456.0, ".3g"),
                    (1.5, "10.3e"), (2.675, ".2f"), (0.125, ".2f"), (0.375, ".2f"), (1e-10, "f"), (1e300, ".3f"),
                    (-1e-300, ".2f"), (9.995, ".2f"), (99.5, ".0f"), (0.5, ".0%"), (1, "%"), (-inf, "F"), (nan, "+"),
                    ("héllo", "^9"), ("héllo", ".2"), (1e15, ""), (1e15, "g"), (1e16, "g"), (123.0, ".1"), (0.0, "e"),
                    (0.0, "g"), (0.0, "#g"), (0.0, ".3"), (-0.0, "+"), (12.0, "_"), (1234567.0, ","), (1e20, ","),
                    (1e20, ",.0f"), (-1234.5, "011,.2f"), (True, "x"), (False, "^5"), ("", "5"), ("ab", "0^6"),
                    (1.5, "z"), (-0.0, "z"), (1, "#_b"), (10**30, "_"), ("x", "\u00e9^5")]:
    fmt(value, spec)

# %-formatting.
for template, args in [("%05f", inf), ("%-05d|", 3), ("%+05d", 3), ("% d", 3), ("%.3d", 5), ("%5.3d", -5),
                       ("%#x", 255), ("%#o", 8), ("%#X", 255), ("%x", 3.0), ("%i", "a"), ("%u", "a"), ("%d", 3.7),
                       ("%d", inf), ("%f", "a"), ("%c", 65), ("%c", "ab"), ("%c", "a"), ("%c", 1.5), ("%y", 1),
                       ("abc%", ()), ("%(a)s", 1), ("%(a)s", {"b": 1}), ("%(a)s %(a)r", {"a": "x"}), ("%s", {"a": 1}),
                       ("%s %s", {"a": 1}), ("%s", [1, 2]), ("%s", (1,)), ("%s", ((1, 2),)), ("%s", ()),
                       ("%*d", (5, 3)), ("%-*d|", (5, 3)), ("%.*f", (2, 3.14159)), ("%*d", ("a", 3)), ("%%", ()),
                       ("%s %%", 1), ("%.2s", "abcdef"), ("%r", "a"), ("%a", "é"), ("%e", 12345.678),
                       ("%g", 0.00001234), ("%#g", 1.0), ("%G", 1e-10), ("%10.4f|", 3.14159), ("%-10.2e|", 314.159),
                       ("%s", True), ("%d", True), ("%f", True), ("%x", True), ("%s", None), ("%d", None),
                       ("%.0f", 0.5), ("%.0f", 1.5), ("%.2f", 2.675), ("%d", 10**30), ("%x", -255), ("%#x", -255),
                       ("%08.3f", -3.14159), ("%+.1f", -0.0), ("%ld", 5), ("%(a)d items", {"a": 3}), ("%(a)", {"a": 3}),
                       ("%(a", {"a": 3}), ("%.f", 2.5), ("%5", 1), ("%-5s|", "ab"), ("%05s", "ab"), ("%.3x", 10),
                       ("%#.3x", 10), ("%#5x", 10), ("%#05x", 10), ("%c", 0x110000), ("%o", -8), ("%#o", 0),
                       ("%e", nan), ("%E", inf), ("%F", nan), ("%10.3s|", "abcdef"), ("%s", 1.0), ("%s", 1e16),
                       ("%r", 1.5), ("%.3g", 1234567), ("%g", 100000), ("%g", 1000000), ("%.15g", 0.1), ("%i", 3.9),
                       ("%d%%", 50), ("%s and %r", ("a", "b")), ("%d items", 3), ("%.2f", 1 / 3), ("%5.1f", 2.25),
                       ("%-10s|", "hi"), ("%s %s", (1,)), ("%d", (1, 2)), ("%s", "x"), ("no args", ()), ("no args", 5),
                       ("%s", 10**30), ("%d", BIG), ("%x", BIG), ("%.1f", 0.05), ("%.1f", 0.25), ("%.1f", 0.35)]:
    percent(template, args)

# str.format.
strformat("{} and {}", 1, "a")
strformat("{1} {0} {1}", "a", "b")
strformat("{name}={value:.2f}", name="x", value=2.675)
strformat("{0[1]}", [10, 20])
strformat("{0[a]}", {"a": 5})
strformat("{a[0]}", a=(7, 8))
strformat("{!r} {!s} {!a}", "é", "é", "é")
strformat("{:{w}.{p}f}", 3.14159, w=10, p=3)
strformat("{:>{}}", "x", 5)
strformat("{{}} {{{}}}", 1)
strformat("{} {1}", 1, 2)
strformat("{1} {}", 1, 2)
strformat("{2}", 1, 2)
strformat("{}", )
strformat("{x}", y=1)
strformat("}", )
strformat("{", )
strformat("{0", 1)
strformat("{0!x}", 1)
strformat("{0!r:>5}", 1)
strformat("{0!}", 1)
strformat("{0!rr}", 1)
strformat("{:d}", 1.5)
strformat("{0[1]", [1, 2])
strformat("{0._private}", 1)
strformat("{0[0]x}", [1])
strformat("{:,}", 1234567)
strformat("{:{}{}}", 1, ">", 5)
strformat("{:{:{}}}", 1, 2, 3)
strformat("{0:{0}}", 5)
strformat("{:%}", 0.25)
strformat("{0}{0}", "ab")
strformat("{0[-1]}", {"-1": "neg"})
strformat("{:}", 1.5)

# math.
for name in ["sqrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
             "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc", "gamma", "lgamma", "cbrt", "fabs",
             "ceil", "floor", "trunc", "isfinite", "isinf", "isnan", "degrees", "radians", "frexp", "modf", "ulp"]:
    for x in [0, 1, -1, 0.5, -0.5, 2, 10, -10, 0.0, -0.0, 1e-300, 1e300, 710, -1000, 171.7, -171.5, 200.5, 1e-20,
              2.5, -2.5, 3.75, 23, 24, 1e308, inf, -inf, nan, 10**400, -(10**400), True, "a", 2**1000]:
        mathcall(name, x)
    mathcall(name)
    mathcall(name, 1, 2)
for x in [0.1 * i for i in range(1, 60)] + [-0.1 * i - 0.05 for i in range(1, 60)] + [30.5, 100.25, 140.5, 150.75, 170.5, -140.5, -150.25, -180.5]:
    mathcall("gamma", x)
    mathcall("lgamma", x)
for name in ["pow", "atan2", "copysign", "fmod", "remainder", "nextafter", "ldexp", "log", "hypot", "isclose"]:
    for a, b in [(2, 10), (2, 0.5), (-2, 1.5), (0.0, -1), (-0.0, -3), (inf, -1), (2, nan), (1, nan), (-7, 3), (7, inf),
                 (inf, inf), (5, 3), (1, 0), (inf, 1), (0.0, -0.0), (1, -0.0), (2, 1024), (8, 2), (2, 1.0), (2, -1),
                 (10**400, 10), (1e308, 1e308), (3, 4), (1.0, 1.0000000001), (1, 2.0), ("a", 1), (1, "a")]:
        mathcall(name, a, b)
    mathcall(name)
mathcall("isclose", 1, 2, rel_tol=-1)
mathcall("isclose", 1, 1.05, rel_tol=0.1)
mathcall("isclose", 0, 1e-10, abs_tol=1e-9)
mathcall("isclose", 1, 2, 3)
for args in [(), (3,), (1.5, 2.5, 3.5), tuple([0.1] * 7), (1e-310, 2e-310), (1e308, 1e308, 1e308), (inf, nan), (nan, 1),
             (3, 4, 12), (0.0, -0.0), (1e200, 1e-200)]:
    mathcall("hypot", *args)
mathcall("dist", [1, 2], [3])
mathcall("dist", [0, 0], [3, 4])
mathcall("dist", (1.5, 2.5, -3.5), (0.25, 0.125, 8))
for args in [(), (12, 18, 8), (-4, 6), (2.0, 4), (10**30, 6 * 10**20), (0, 0), (BIG, NEGBIG)]:
    mathcall("gcd", *args)
    mathcall("lcm", *args)
for n in [0, 1, 5, 20, 21, 25, 100, -1, 2.0, True, 10**20]:
    mathcall("factorial", n)
for args in [(10, 3), (3, 10), (-1, 2), (10.0, 3), (5, -1), (5, 10**30), (100, 50), (10**20, 2), (1,), (50, 0)]:
    mathcall("comb", *args)
    mathcall("perm", *args)
mathcall("perm", 5, None)
for n in [0, 1, 15, 16, 10**20, 10**20 - 1, 2**200 + 5, -1, 2.0, True]:
    mathcall("isqrt", n)
for args in [([1, 2, 3],), ([1.5, 2],), (["a", 2],), ([2, "a"],), ([],)]:
    mathcall("prod", *args)
mathcall("prod", [1, 2], start=2)
mathcall("prod")
for values in [[0.1] * 10, [1e308, 1e308], [inf, -inf], [inf, 1], [nan, 1], ["a"], [1, 2**1000],
               [1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50], [], [1e16, 1.0, 1e-16], [0.1, 0.2, 0.3, -0.6],
               [2.0**53, 1.0, 2.0**-53], [1.5, 1e-16, -1e-16], [1, 2, 3], [-0.0, -0.0]]:
    mathcall("fsum", values)
mathcall("ldexp", 1.0, 2**100)
mathcall("ldexp", 1.0, -(2**100))
mathcall("ldexp", 0.0, 10**20)
mathcall("ldexp", 1.5, 3)

# Random floats across magnitudes: repr, fixed/exponent/general formats and round(), from a fixed seed.
import random
rng = random.Random(20241122)
for _ in range(150):
    x = rng.choice([rng.uniform(-1000, 1000), rng.uniform(0, 1), 10 ** rng.uniform(-30, 30), rng.randint(1, 10**6) / 1000,
                    struct.unpack(">d", struct.pack(">Q", rng.getrandbits(63)))[0]])
    reprcase(x)
    fmt(x, rng.choice([".2f", ".0f", ".3e", "g", ".12g", ",.2f", "", ".1%", "+.5f", "e"]))
    percent(rng.choice(["%.2f", "%.3g", "%e", "%10.4f", "%.15g"]), x)
    call("round", x, rng.randint(-3, 8))
    call("round", x)

# statistics.
datasets = [[1, 2, 3], [1, 2, 3, 4], [1.5, 2, 4.25], [], [5], [True, False, True], [1, inf], [nan, 1], [inf, -inf],
            [0.1, 0.2, 0.3], [10**20, 1, -3], [2, 2.0, True, 1, 1.0], ["a", "b", "a"], [3, 1, 2, 3, 1],
            [1e308, 1e308, -1e308], [2.5, 3.25, 5.5, 11.25, 11.75], [1, 3, 5, 7, 9, 11], [0.5] * 7]
for name in ["mean", "fmean", "median", "median_low", "median_high", "mode", "multimode", "variance", "pvariance",
             "stdev", "pstdev"]:
    for data in datasets:
        statcall(name, data)
statcall("variance", [1, 2, 3, 4], 2.5)
statcall("pvariance", [1, 2, 3, 4], mu=2)
statcall("stdev", [1.5, 2.5, 2.5, 2.75, 3.25, 4.75], xbar=2.875)
statcall("fmean", [1, 2, 3], weights=[3, 2, 1])
statcall("fmean", [1, 2, 3], [1, 2])
statcall("mean", [1, "a"])

path = os.path.join(os.path.dirname(__file__), "..", "Tests", "PythonRuntimeTests", "Fixtures", "numbers-reference.jsonl")
with open(path, "w", encoding="ascii") as f:
    for case in cases:
        f.write(json.dumps(case, ensure_ascii=True, separators=(",", ":")) + "\n")
print(f"{len(cases)} cases written to {os.path.normpath(path)}")
