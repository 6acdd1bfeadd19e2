#!/usr/bin/env python3
"""The job of `sal verify run`, done the straightforward way in Python: the reference side of
Benchmarks/verify/run.py.

Reads the questions JSONL (GSM8K votes format), runs every candidate with CPython in a process pool over
all cores (in a fresh globals dict: exec the preamble, then the program, then read the answer per the
convention; stdout captured; a per-candidate time limit), votes (errors abstain; numbers within 1e-3
merge; groups in order of first appearance; share over all candidates), and writes supervision.jsonl
(one agreeing program per distinct text of each kept question), questions.jsonl and candidates.jsonl.

Usage: python_pipeline.py IN.jsonl PREAMBLES.json OUT_DIR [--jobs N] [--min-share 0.9] [--timeout 10]
"""
import argparse
import contextlib
import io
import json
import math
import multiprocessing
import os
import signal

PREAMBLES = {}
CONVENTIONS = {}
TIMEOUT = 10.0


class Timeout(Exception):
    pass


def on_alarm(signum, frame):
    raise Timeout()


def init_worker(preambles, conventions, timeout):
    global TIMEOUT
    TIMEOUT = timeout
    for name, text in preambles.items():
        PREAMBLES[name] = compile(text, f"<preamble {name}>", "exec")
    CONVENTIONS.update(conventions)
    signal.signal(signal.SIGALRM, on_alarm)


def run_candidate(job):
    """One candidate -> (status, value or None, repr or None, error or None, stdout)."""
    preamble_name, convention, program = job
    output = io.StringIO()
    namespace = {}
    signal.setitimer(signal.ITIMER_REAL, TIMEOUT)
    try:
        with contextlib.redirect_stdout(output):
            code = compile(program, "<program>", "exec")
            if preamble_name:
                exec(PREAMBLES[preamble_name], namespace)
            exec(code, namespace)
            spec = CONVENTIONS.get(convention, convention or "auto")
            if spec.startswith("var:"):
                value = namespace[spec[4:]]
            elif spec.startswith("call:"):
                value = namespace[spec[5:]]()
            else:
                value = next((namespace[n] for n in ("answer", "ans") if n in namespace), None)
        signal.setitimer(signal.ITIMER_REAL, 0)
        return ("ok", number(value), safe_repr(value), None, output.getvalue())
    except Timeout:
        return ("limit", None, None, "Timeout", output.getvalue())
    except SyntaxError as error:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return ("syntax", None, None, f"{type(error).__name__}: {error.msg}", output.getvalue())
    except BaseException as error:
        signal.setitimer(signal.ITIMER_REAL, 0)
        return ("error", None, None, f"{type(error).__name__}: {error}", output.getvalue())


def safe_repr(value):
    try:
        return repr(value)[:2000]
    except Exception:
        return None


def number(value):
    if isinstance(value, bool) or value is None:
        return None
    try:
        result = float(value)
    except Exception:
        return None
    return result if math.isfinite(result) else None


def equivalent(a, b):
    return abs(a - b) < 1e-3 or abs(a - b) <= 1e-6 * max(abs(a), abs(b))


def vote(results):
    """Groups numeric answers in order of first appearance; returns (groups, winner index or None)."""
    groups = []  # [answer, [positions]]
    for position, result in enumerate(results):
        value = result[1]
        if result[0] != "ok" or value is None:
            continue
        for group in groups:
            if equivalent(group[0], value):
                group[1].append(position)
                break
        else:
            groups.append([value, [position]])
    winner = None
    for index, group in enumerate(groups):
        if winner is None or len(group[1]) > len(groups[winner][1]):
            winner = index
    return groups, winner


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("input")
    parser.add_argument("preambles")
    parser.add_argument("out")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--min-share", type=float, default=0.9)
    parser.add_argument("--timeout", type=float, default=10.0)
    args = parser.parse_args()
    with open(args.preambles) as f:
        catalog = json.load(f)
    questions = []
    with open(args.input) as f:
        for line in f:
            if line.strip():
                questions.append(json.loads(line))
    jobs = [(c.get("preamble"), c.get("convention"), c["program"]) for q in questions for c in q["candidates"]]
    with multiprocessing.Pool(args.jobs, initializer=init_worker,
                              initargs=(catalog["preambles"], catalog["conventions"], args.timeout)) as pool:
        results = pool.map(run_candidate, jobs, chunksize=16)
    os.makedirs(args.out, exist_ok=True)
    position = 0
    correct = kept = 0
    with open(os.path.join(args.out, "supervision.jsonl"), "w") as supervision, \
            open(os.path.join(args.out, "questions.jsonl"), "w") as question_lines, \
            open(os.path.join(args.out, "candidates.jsonl"), "w") as candidate_lines:
        for question in questions:
            count = len(question["candidates"])
            own = results[position:position + count]
            position += count
            groups, winner = vote(own)
            majority = groups[winner][0] if winner is not None else None
            members = set(groups[winner][1]) if winner is not None else set()
            share = len(members) / count if count else 0.0
            is_kept = share + 1e-9 >= args.min_share
            gold = question.get("gold")
            matches = majority is not None and gold is not None and equivalent(majority, float(gold))
            correct += matches
            kept += is_kept
            qid = str(question.get("id", question.get("qid")))
            question_lines.write(json.dumps({"question_id": qid, "majority": majority, "share": round(share, 4),
                                             "kept": is_kept, "gold_matches": matches}) + "\n")
            seen_programs = set()
            for index, (candidate, result) in enumerate(zip(question["candidates"], own)):
                candidate_lines.write(json.dumps({
                    "question_id": qid, "candidate_id": candidate.get("cid"), "outcome": result[0],
                    "answer_repr": result[2], "normalized": result[1], "error": result[3],
                    "vote": "agrees" if index in members else ("abstains" if result[1] is None else "disagrees"),
                }) + "\n")
                if is_kept and index in members and candidate["program"] not in seen_programs:
                    seen_programs.add(candidate["program"])
                    supervision.write(json.dumps({"messages": [
                        {"role": "user", "content": question["question"]},
                        {"role": "assistant", "content": candidate["program"]}],
                        "question_id": qid, "candidate_id": candidate.get("cid")}) + "\n")
    print(json.dumps({"questions": len(questions), "candidates": len(jobs), "majority_correct": correct, "kept": kept}))


if __name__ == "__main__":
    main()
