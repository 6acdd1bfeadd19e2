# Two entry points for a fresh machine (run as root on Debian; they install what sal needs first):
#   make demo   builds sal, verifies the demo questions (Corpus/verify-demo) into out/verify-demo, then runs the corpus
#   make test   builds sal and runs its tests
.PHONY: setup setup-system demo test bench

setup-system:
	SAL_SKIP_MODEL=1 ./Scripts/setup.sh

setup:
	./Scripts/setup.sh

demo: setup
	swift build -c release --product sal
	.build/release/sal verify run Corpus/verify-demo/questions.jsonl --oracle replay --oracle-import Corpus/verify-demo/oracle.jsonl --out out/verify-demo
	.build/release/sal run Corpus

test: setup-system
	swift build --build-tests
	swift test --skip-build
