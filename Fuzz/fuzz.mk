# libFuzzer targets (Fuzz/, a package of its own: see Fuzz/README.md); the Makefile includes this.
#
#   make fuzz                      each target for 60 s, one after another, on one core each
#   FUZZ_SECONDS=600 make fuzz     ten minutes each
#   make fuzz FUZZ_TARGETS=FuzzTokenizer FUZZ_FLAGS=-runs=0    one target; extra libFuzzer flags
#
# The corpus each target grows is kept under Fuzz/.work/corpus/<target> (seeded by the target's
# own code, never committed). A crash or a broken invariant stops the run with the input in
# Fuzz/.work/artifacts/, and `make fuzz` fails.

FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= FuzzJSONScanner FuzzTokenizer FuzzChunkReader FuzzZstdFrames
FUZZ_WORK ?= Fuzz/.work
FUZZ_FLAGS ?=
# SwiftPM's --sanitize flags reach the compiler one by one and the last one wins, so both
# sanitizers go in one -Xswiftc flag; --sanitize=fuzzer makes SwiftPM link libFuzzer's main.
FUZZ_BUILD_FLAGS := -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address

.PHONY: fuzz fuzz-build

fuzz-build: deps
	cd Fuzz && $(SWIFT) build $(FUZZ_BUILD_FLAGS)

fuzz: fuzz-build
	@mkdir -p $(FUZZ_WORK)/artifacts
	@for target in $(FUZZ_TARGETS); do \
		mkdir -p $(FUZZ_WORK)/corpus/$$target; \
		echo "== $$target, $(FUZZ_SECONDS) s (log: $(FUZZ_WORK)/$$target.log)"; \
		SWIFT_BACKTRACE=enable=no LEDE_FUZZ_SEEDS=$(FUZZ_WORK)/corpus/$$target \
			Fuzz/.build/release/$$target $(FUZZ_WORK)/corpus/$$target \
			-max_total_time=$(FUZZ_SECONDS) -max_len=8192 -timeout=60 -rss_limit_mb=2048 -malloc_limit_mb=4096 \
			-print_final_stats=1 -artifact_prefix=$(FUZZ_WORK)/artifacts/$$target- $(FUZZ_FLAGS) \
			> $(FUZZ_WORK)/$$target.log 2>&1; \
		status=$$?; \
		grep -E '^(#[0-9]+[[:space:]]+DONE|stat::number_of_executed_units|stat::average_exec_per_sec)' $(FUZZ_WORK)/$$target.log; \
		if [ $$status -ne 0 ]; then \
			grep -E -A3 'fuzz invariant broken|ERROR: |Test unit written' $(FUZZ_WORK)/$$target.log | head -40; \
			echo "$$target failed (exit $$status): see $(FUZZ_WORK)/$$target.log" >&2; \
			exit $$status; \
		fi; \
	done
