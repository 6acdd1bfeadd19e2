#!/usr/bin/env python3
"""`sal verify run` against a straightforward Python pipeline doing the same job (python_pipeline.py:
CPython exec per candidate in a multiprocessing pool over all cores, with the preamble, majority vote with
1e-3 merging, outputs written), on ../shared/data/gsm8k_votes_dev.jsonl, in the same run on the same
machine. Prints JSON.

Two inputs:
- "whole_file": the file as it is (528 questions, 13,198 candidates). The Python side gives each candidate
  5 s (the limit the file's CPython results were recorded with); sal gets 10^7 steps and 10 s (SAL_LIMITS,
  its defaults, stated explicitly). Three programs loop forever, and 670 programs use sympy, which CPython
  runs and sal does not provide (they fail at once in sal), so this compares the jobs as each engine
  actually does them.
- "both_engines_run": the same file without the candidates either engine cannot run to a result the other
  also computes (the three endless loops and every candidate sal reports as using an unavailable module):
  the same programs executed in full by both.

Usage: Benchmarks/verify/run.py [--sal .build/release/sal] [--repeat 3] [--jobs N] [--sal-arg=OPTION ...]
Needs a release build of sal and python3 with sympy and numpy (the preambles import them).
"""
import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")
INPUT = os.path.join(DATA, "gsm8k_votes_dev.jsonl")
PREAMBLES = os.path.join(DATA, "gsm8k_votes_preambles.json")
# sal's per-candidate limits, stated rather than taken from its defaults so the comparison stays fixed:
# 10^7 steps (loop iterations and calls) and 10 s. The Python side's limit is --timeout (5 s).
SAL_LIMITS = ["--max-steps", "10000000", "--max-seconds", "10"]


def timed(command, repeat, out_dir):
    """Best wall time and best CPU time (user + system of the process and everything it waited for) of
    `repeat` runs, each into a fresh output directory, and the last run's stdout."""
    best, best_cpu, output = float("inf"), float("inf"), ""
    for _ in range(repeat):
        shutil.rmtree(out_dir, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        result = subprocess.run(command, check=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        best = min(best, time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        best_cpu = min(best_cpu, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
        output = result.stdout
    return best, best_cpu, output


def count_lines(path):
    with open(path) as f:
        return sum(1 for line in f if line.strip())


def majority_figures(questions_path):
    correct = kept = 0
    with open(questions_path) as f:
        for line in f:
            record = json.loads(line)
            correct += bool(record.get("gold_matches"))
            kept += bool(record.get("kept"))
    return correct, kept


def filtered_input(sal_candidates, path):
    """The input without the candidates that loop forever or that sal cannot run (unavailable modules)."""
    drop = set()
    with open(sal_candidates) as f:
        for line in f:
            record = json.loads(line)
            if "sal does not provide it" in (record.get("error") or ""):
                drop.add(record["candidate_id"])
    kept = 0
    with open(INPUT) as source, open(path, "w") as sink:
        for line in source:
            question = json.loads(line)
            question["candidates"] = [
                c for c in question["candidates"]
                if c["cid"] not in drop and not (c.get("cpython_error") or "").startswith("Timeout")
            ]
            kept += len(question["candidates"])
            sink.write(json.dumps(question) + "\n")
    return kept


def compare(name, input_path, args, tmp, python_timeout):
    sal_out = os.path.join(tmp, f"sal-{name}")
    python_out = os.path.join(tmp, f"python-{name}")
    sal_seconds, sal_cpu, _ = timed([args.sal, "verify", "run", input_path, "--preambles", PREAMBLES, "--out", sal_out,
                                     "--progress", "none", "--jobs", str(args.jobs)] + SAL_LIMITS + args.sal_arg,
                                    args.repeat, sal_out)
    python_seconds, python_cpu, python_stdout = timed(
        [sys.executable, os.path.join(HERE, "python_pipeline.py"), input_path, PREAMBLES, python_out,
         "--jobs", str(args.jobs), "--timeout", str(python_timeout)], args.repeat, python_out)
    candidates = count_lines(os.path.join(sal_out, "candidates.jsonl"))
    sal_correct, sal_kept = majority_figures(os.path.join(sal_out, "questions.jsonl"))
    python_figures = json.loads(python_stdout.strip().splitlines()[-1])
    return {
        "candidates": candidates,
        "sal_seconds": round(sal_seconds, 3),
        "python_seconds": round(python_seconds, 3),
        "ratio_python_over_sal": round(python_seconds / sal_seconds, 2),
        "sal_cpu_seconds": round(sal_cpu, 3),
        "python_cpu_seconds": round(python_cpu, 3),
        "cpu_ratio_python_over_sal": round(python_cpu / sal_cpu, 2),
        "sal_candidates_per_second": round(candidates / sal_seconds),
        "python_candidates_per_second": round(candidates / python_seconds),
        "sal_majority_correct_and_kept_at_0.9": [sal_correct, sal_kept],
        "python_majority_correct_and_kept_at_0.9": [python_figures["majority_correct"], python_figures["kept"]],
    }, os.path.join(sal_out, "candidates.jsonl")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sal", default=os.path.join(ROOT, ".build", "release", "sal"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--sal-arg", action="append", default=[],
                        help="an extra option for `sal verify run` (repeatable), e.g. --sal-arg=--behaviour-probes "
                             "--sal-arg=0 for the job without behaviour probes, which the Python pipeline does not do")
    args = parser.parse_args()
    if not os.path.exists(INPUT):
        print(json.dumps({"skipped": "../shared/data/gsm8k_votes_dev.jsonl is not present"}))
        return
    results = {"cpus": os.cpu_count(), "jobs": args.jobs, "repeat": args.repeat, "sal_args": args.sal_arg,
               "load_average_at_start": [round(x, 2) for x in os.getloadavg()]}
    with tempfile.TemporaryDirectory() as tmp:
        results["whole_file"], sal_candidates = compare("whole", INPUT, args, tmp, python_timeout=5)
        subset = os.path.join(tmp, "both_engines_run.jsonl")
        filtered_input(sal_candidates, subset)
        results["both_engines_run"], _ = compare("subset", subset, args, tmp, python_timeout=5)
    results["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(results, indent=2))


main()
