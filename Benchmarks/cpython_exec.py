#!/usr/bin/env python3
"""CPython doing the job `sal exec` does: read JSONL programs, compile+exec each in a fresh namespace
(after its preamble, compiled once), capture its output, read the answer, write one JSON result per line.

This is the reference side of Benchmarks/run.py; it keeps to the same outputs as sal (repr, type name,
stdout, error type and message) so that both engines do the same work.
Usage: cpython_exec.py IN.jsonl OUT.jsonl
"""
import io
import json
import sys

AUTO_VARIABLES = ("answer", "ans")
AUTO_FUNCTIONS = ("solution", "solver", "main")


def read_answer(namespace, spec):
    if spec.startswith("var:"):
        return namespace[spec[4:]]
    if spec.startswith("call:"):
        return namespace[spec[5:]]()
    for name in AUTO_VARIABLES:
        if name in namespace:
            return namespace[name]
    for name in AUTO_FUNCTIONS:
        if name in namespace:
            return namespace[name]()
    raise KeyError("answer")


def main():
    in_path, out_path = sys.argv[1], sys.argv[2]
    preambles = {}
    real_stdout = sys.stdout
    with open(in_path) as source, open(out_path, "w") as sink:
        for line in source:
            request = json.loads(line)
            record = {"id": request["id"], "status": "ok", "answer_repr": None, "answer_type": None, "stdout": "", "error": None}
            preamble_text = request.get("preamble")
            if preamble_text and preamble_text not in preambles:
                preambles[preamble_text] = compile(preamble_text, "<preamble>", "exec")
            buffer = io.StringIO()
            try:
                code = compile(request["program"], "<program>", "exec")
                namespace = {}
                sys.stdout = buffer
                try:
                    if preamble_text:
                        exec(preambles[preamble_text], namespace)
                    exec(code, namespace)
                    value = read_answer(namespace, request.get("answer") or "auto")
                finally:
                    sys.stdout = real_stdout
                record["answer_repr"] = repr(value)
                record["answer_type"] = type(value).__name__
            except SyntaxError as e:
                record["status"] = "syntax"
                record["error"] = {"type": type(e).__name__, "message": str(e.msg)}
            except Exception as e:  # noqa: BLE001 - every failure becomes a record, as in sal
                record["status"] = "error"
                record["error"] = {"type": type(e).__name__, "message": str(e)}
            record["stdout"] = buffer.getvalue()
            sink.write(json.dumps(record) + "\n")


main()
