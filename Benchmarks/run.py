#!/usr/bin/env python3
"""sal against CPython on the same jobs, in the same run, reported as ratios.

1. The `sal exec` job on the real GSM8K programs (../shared/data) against CPython doing the same job
   (Benchmarks/cpython_exec.py): whole-process wall time, best of N runs, programs per second.
2. In one process (`sal bench-reference`): the embedded CPython compiling and executing each program, and
   executing it precompiled, next to sal compiling and running it, and running it precompiled; one thread
   each, no process start-up or JSON in either figure.
3. A loop: the same program in both engines at two sizes; the difference gives microseconds per iteration
   (process start-up and parsing cancel out).

Usage: Benchmarks/run.py [--sal .build/release/sal] [--repeat 3] [--jobs N]
Needs: a release build of sal (`swift build -c release --product sal`) and python3 with the packages the
GSM8K preambles import (sympy, numpy) for the CPython side.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(os.path.dirname(ROOT), "shared", "data")

LOOP = """
total = 0
for i in range({n}):
    if i % 3 == 0:
        total += i * 2
    else:
        total -= 1
answer = total
"""


def best_time(command, repeat):
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sal", default=os.path.join(ROOT, ".build", "release", "sal"))
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    args = parser.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        if os.path.exists(os.path.join(DATA, "gsm8k_votes_dev.jsonl")):
            programs = os.path.join(tmp, "programs.jsonl")
            subprocess.run([sys.executable, os.path.join(ROOT, "Benchmarks", "make_programs.py"), DATA, programs], check=True,
                           stderr=subprocess.DEVNULL)
            count = sum(1 for _ in open(programs))
            sal_seconds = best_time([args.sal, "exec", "--in", programs, "--out", os.path.join(tmp, "sal.jsonl"),
                                     "--jobs", str(args.jobs)], args.repeat)
            sal_one = best_time([args.sal, "exec", "--in", programs, "--out", os.path.join(tmp, "sal1.jsonl"),
                                 "--jobs", "1"], args.repeat)
            cpython_seconds = best_time([sys.executable, os.path.join(ROOT, "Benchmarks", "cpython_exec.py"), programs,
                                         os.path.join(tmp, "cpython.jsonl")], args.repeat)
            results["exec_job"] = {
                "programs": count,
                "sal_programs_per_second": round(count / sal_seconds),
                "sal_one_thread_programs_per_second": round(count / sal_one),
                "cpython_programs_per_second": round(count / cpython_seconds),
                "ratio_sal_over_cpython": round(cpython_seconds / sal_seconds, 2),
                "ratio_sal_one_thread_over_cpython": round(cpython_seconds / sal_one, 2),
            }
            in_process = subprocess.run([args.sal, "bench-reference", "--in", programs, "--passes", str(args.repeat), "--json"],
                                        check=True, capture_output=True, text=True)
            results["in_process"] = json.loads(in_process.stdout.strip().splitlines()[-1])
        else:
            results["exec_job"] = "skipped: ../shared/data is not present"
        small, large = 1000, 3_000_000
        timings = {}
        for engine in ("sal", "cpython"):
            per_size = {}
            for n in (small, large):
                path = os.path.join(tmp, f"loop_{n}.py")
                with open(path, "w") as f:
                    f.write(LOOP.format(n=n))
                if engine == "sal":
                    command = [args.sal, "run", path, "--max-steps", str(10 * large), "--max-seconds", "600"]
                else:
                    command = [sys.executable, path]
                per_size[n] = best_time(command, args.repeat)
            timings[engine] = (per_size[large] - per_size[small]) / (large - small) * 1e6
        results["loop"] = {
            "sal_us_per_iteration": round(timings["sal"], 4),
            "cpython_us_per_iteration": round(timings["cpython"], 4),
            "ratio_sal_over_cpython": round(timings["cpython"] / timings["sal"], 2),
        }
    print(json.dumps(results, indent=2))


main()
