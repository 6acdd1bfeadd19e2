#!/usr/bin/env bash
# Coverage-guided fuzzing with libFuzzer.
#
#   Scripts/fuzz.sh programs [SECONDS] [libFuzzer flags...]   parser, compiler and VM (Fuzz/ProgramFuzzer)
#   Scripts/fuzz.sh inputs [SECONDS] [libFuzzer flags...]     JSON reader, exec and verify input (Fuzz/InputFuzzer)
#
# SECONDS defaults to 600. Builds the target with `--sanitize=fuzzer` into .build-fuzz, seeds it (programs:
# every file of Corpus/; inputs: Corpus/verify-demo), and keeps what it learns in .sal-cache/fuzz/TARGET/corpus,
# so a later run continues from there. An input that crashes sal is written to .sal-cache/fuzz/TARGET/crashes;
# reproduce it in an ordinary build, e.g.
#   swift build -c release --product ProgramFuzzer && .build/release/ProgramFuzzer .sal-cache/fuzz/programs/crashes/crash-...
# Exit status: 0 when the time ran out with no finding, libFuzzer's non-zero status otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."

target="${1:-}"
case "$target" in
    programs) product=ProgramFuzzer; seeds=Corpus; extra=(-dict=Fuzz/ProgramFuzzer/python.dict) ;;
    inputs) product=InputFuzzer; seeds=Corpus/verify-demo; extra=() ;;
    *) echo "usage: Scripts/fuzz.sh programs|inputs [SECONDS] [libFuzzer flags...]" >&2; exit 2 ;;
esac
shift
seconds="${1:-600}"
shift || true
work=".sal-cache/fuzz/$target"
mkdir -p "$work/corpus" "$work/crashes"

swift build -c release --product "$product" --sanitize=fuzzer -Xswiftc -DSAL_LIBFUZZER --scratch-path .build-fuzz

# Swift's own backtracer would catch the crash signal before libFuzzer could save the input.
SWIFT_BACKTRACE=enable=no exec ".build-fuzz/release/$product" "$work/corpus" "$seeds" \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -max_len=4096 \
    -artifact_prefix="$work/crashes/" -print_final_stats=1 "${extra[@]}" "$@"
