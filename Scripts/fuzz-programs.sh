#!/usr/bin/env bash
# Coverage-guided fuzzing of sal's parser, compiler and VM with libFuzzer (Fuzz/ProgramFuzzer).
#
#   Scripts/fuzz-programs.sh [SECONDS] [extra libFuzzer flags...]     (default 600 seconds)
#
# Builds the target with `--sanitize=fuzzer` into .build-fuzz, seeds it with every file of Corpus/, and
# keeps what it learns in .sal-cache/fuzz/corpus (so a later run continues from there). An input that
# crashes sal is written to .sal-cache/fuzz/crashes/crash-<sha1>; reproduce it in an ordinary build with
#   swift build -c release --product ProgramFuzzer && .build/release/ProgramFuzzer .sal-cache/fuzz/crashes/crash-...
# Exit status: 0 when the time ran out with no crash, libFuzzer's non-zero status otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-600}"
shift || true
work=".sal-cache/fuzz"
mkdir -p "$work/corpus" "$work/crashes"

swift build -c release --product ProgramFuzzer --sanitize=fuzzer -Xswiftc -DSAL_LIBFUZZER --scratch-path .build-fuzz

# Swift's own backtracer would catch the crash signal before libFuzzer could save the input.
SWIFT_BACKTRACE=enable=no exec .build-fuzz/release/ProgramFuzzer "$work/corpus" Corpus \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -dict=Fuzz/ProgramFuzzer/python.dict -artifact_prefix="$work/crashes/" -print_final_stats=1 "$@"
