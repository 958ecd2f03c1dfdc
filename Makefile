# BriefingBook: `make run` writes the briefing outputs from seeds/ into output/;
# `make test` installs what it needs and runs the tests. Both work on a fresh Debian machine.
SWIFT   ?= swift
INPUT   ?= seeds
OUTPUT  ?= output
RELEASE := .build/release/briefing
CORPUS  := .build/release/briefing-corpus
FUZZ_SECONDS ?= 60

.PHONY: setup build release run test bench fuzz clean

setup:
	bash scripts/setup.sh

build: setup
	$(SWIFT) build --product briefing

release: setup
	$(SWIFT) build -c release --product briefing

run: release
	mkdir -p $(OUTPUT)
	$(RELEASE) analyze --input $(INPUT) --json $(OUTPUT)/analysis.json
	$(RELEASE) book --analysis $(OUTPUT)/analysis.json -o $(OUTPUT)/briefing-book.pdf
	$(RELEASE) brief --analysis $(OUTPUT)/analysis.json -o $(OUTPUT)/brief.pdf
	for f in pdf svg png; do $(RELEASE) chart --analysis $(OUTPUT)/analysis.json --all --format $$f -o $(OUTPUT)/charts >/dev/null || exit 1; done

test: setup
	$(SWIFT) test

# Benchmarks (not part of `make test`): corpora come from the project's own generator.
bench: release
	$(SWIFT) build -c release --product briefing-corpus
	python3 scripts/bench_render.py --binary $(RELEASE) --corpus-tool $(CORPUS)
	python3 scripts/bench.py --binary $(RELEASE) --corpus-tool $(CORPUS)
	bash scripts/bench_schedule.sh $(RELEASE) $(CORPUS)

# Every fuzz target for FUZZ_SECONDS each (scripts/fuzz.sh; corpora and crashes in .build-fuzz/work).
fuzz: release
	FUZZ_SECONDS=$(FUZZ_SECONDS) RELEASE=$(RELEASE) bash scripts/fuzz.sh build
	FUZZ_SECONDS=$(FUZZ_SECONDS) RELEASE=$(RELEASE) bash scripts/fuzz.sh seeds
	FUZZ_SECONDS=$(FUZZ_SECONDS) RELEASE=$(RELEASE) bash scripts/fuzz.sh run

clean:
	rm -rf .build $(OUTPUT)/*.json
