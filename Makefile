# Lede's two everyday commands are `make demo` and `make test`; both install what
# a fresh Debian machine lacks first.

SWIFT ?= swift
LEDE := .build/release/lede
DEMO_CORPUS := sample/demo
DEMO_OUT := out/demo
DEMO_DOCS ?= 20000
DEMO_SHARDS ?= 4
APT_PACKAGES := libzstd-dev zstd pkg-config libsqlite3-dev
CORPORA ?= ../shared/corpora
MODEL := Models/ner-perceptron.bin

.PHONY: all deps build release demo test test-asan test-tsan clean model bench install

all: release

# Installs the C libraries (zstd, and SQLite for the store) and the zstd CLI used by
# tests and benchmarks when missing.
deps:
	@if ! dpkg -s $(APT_PACKAGES) >/dev/null 2>&1; then \
		if [ "$$(id -u)" = 0 ]; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
		elif command -v sudo >/dev/null 2>&1; then \
			sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PACKAGES); \
		else \
			echo "Lede needs the Debian packages: $(APT_PACKAGES). Install them as root (apt-get install $(APT_PACKAGES)) and run make again." >&2; \
			exit 1; \
		fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product lede

demo: release
	$(LEDE) sample --output $(DEMO_CORPUS) --docs $(DEMO_DOCS) --shards $(DEMO_SHARDS)
	$(LEDE) run --input $(DEMO_CORPUS) --output $(DEMO_OUT) --quiet; status=$$?; [ $$status -le 1 ] || exit $$status
	@echo
	@echo "Top entities of the demo corpus ($(DEMO_OUT)/aggregates):"
	$(LEDE) top --output $(DEMO_OUT) --limit 15

test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

# The test suite under AddressSanitizer (with LeakSanitizer) and under ThreadSanitizer, each in a
# build directory of its own (README.md, "Sanitizers"); the CLI tests run the instrumented lede.
# The suppressions name leaks inside the toolchain's libraries only.
test-asan: deps
	$(SWIFT) build --build-tests --sanitize=address --scratch-path .build-asan
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/Sanitizers/lsan-suppressions.txt:print_suppressions=0 \
		$(SWIFT) test --skip-build --sanitize=address --scratch-path .build-asan

test-tsan: deps
	$(SWIFT) build --build-tests --sanitize=thread --scratch-path .build-tsan
	$(SWIFT) test --skip-build --sanitize=thread --scratch-path .build-tsan

# Installs lede and its model outside the checkout: PREFIX/bin/lede and
# PREFIX/share/lede/ner-perceptron.bin, where lede looks for its default model
# (make install PREFIX=$$HOME/.local for a user install).
PREFIX ?= /usr/local
install: release
	install -D -m 755 $(LEDE) $(DESTDIR)$(PREFIX)/bin/lede
	install -D -m 644 $(MODEL) $(DESTDIR)$(PREFIX)/share/lede/ner-perceptron.bin

# Rebuilds the committed tagger weights bit for bit: news weights from the CoNLL-2003 train
# split, social-register weights from WNUT-17 train, the case prior from the raw news shards
# (valid only picks the epoch); about 15 seconds on 2 cores.
model: release
	$(LEDE) train --gold $(CORPORA)/conll2003/train.jsonl.zst --social $(CORPORA)/wnut17/train.jsonl.zst \
		--unlabeled $(CORPORA)/news --dev $(CORPORA)/conll2003/valid.jsonl.zst \
		--output $(MODEL) --epochs 12 --seed 3

# Per-stage benchmarks (Benchmarks/, a package of its own, see Benchmarks/README.md): fails when a
# stage allocates more than the p90 malloc counts checked in for this toolchain under
# Benchmarks/Thresholds/<swift major.minor>/. The first build takes a few minutes.
bench: deps
	cd Benchmarks && $(SWIFT) package --disable-sandbox benchmark thresholds check --no-progress \
		--path Thresholds/$$($(SWIFT) --version 2>/dev/null | sed -n 's/.*Swift version \([0-9]*\.[0-9]*\).*/\1/p' | head -n 1)

clean:
	rm -rf .build sample out

# make fuzz: the libFuzzer targets of Fuzz/ (FUZZ_SECONDS=600 make fuzz for ten minutes each).
include Fuzz/fuzz.mk
