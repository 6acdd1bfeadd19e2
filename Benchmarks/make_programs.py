#!/usr/bin/env python3
"""Turns ../shared/data/gsm8k_votes_dev.jsonl into `sal exec` input lines (id, program, answer, preamble).

Candidates CPython recorded as timeouts are left out so that neither engine's figure is dominated by a
few infinite loops. Usage: make_programs.py DATA_DIR OUT.jsonl
"""
import json
import sys

data_dir, out_path = sys.argv[1], sys.argv[2]
with open(f"{data_dir}/gsm8k_votes_preambles.json") as f:
    meta = json.load(f)
count = 0
with open(f"{data_dir}/gsm8k_votes_dev.jsonl") as rows, open(out_path, "w") as out:
    for line in rows:
        row = json.loads(line)
        for c in row["candidates"]:
            if (c.get("cpython_error") or "").startswith("Timeout"):
                continue
            out.write(json.dumps({
                "id": c["cid"],
                "program": c["program"],
                "answer": meta["conventions"][c["convention"]],
                "preamble": meta["preambles"][c["preamble"]],
            }) + "\n")
            count += 1
print(count, file=sys.stderr)
