# BriefingBook: `make run` writes the briefing outputs from seeds/ into output/;
# `make test` installs what it needs and runs the tests. Both work on a fresh Debian machine.
# `make install PREFIX=/usr/local` installs the command, its man page and shell completions.
SWIFT   ?= swift
INPUT   ?= seeds
OUTPUT  ?= output
PREFIX  ?= /usr/local
DESTDIR ?=
RELEASE := .build/release/briefing
CORPUS  := .build/release/briefing-corpus
FUZZ_SECONDS ?= 60
MANUAL  := .build/plugins/GenerateManual/outputs/briefing/briefing.1
SHARE   := $(DESTDIR)$(PREFIX)/share

.PHONY: setup build release run test bench fuzz manual install uninstall clean

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

# The man page, generated from the command's own help by swift-argument-parser's plugin.
manual: release
	$(SWIFT) package generate-manual

install: release manual
	install -d $(DESTDIR)$(PREFIX)/bin $(SHARE)/man/man1 $(SHARE)/bash-completion/completions \
		$(SHARE)/zsh/site-functions $(SHARE)/fish/vendor_completions.d $(SHARE)/briefing/layouts
	install -m 0755 $(RELEASE) $(DESTDIR)$(PREFIX)/bin/briefing
	install -m 0644 $(MANUAL) $(SHARE)/man/man1/briefing.1
	$(RELEASE) --generate-completion-script bash >$(SHARE)/bash-completion/completions/briefing
	$(RELEASE) --generate-completion-script zsh >$(SHARE)/zsh/site-functions/_briefing
	$(RELEASE) --generate-completion-script fish >$(SHARE)/fish/vendor_completions.d/briefing.fish
	cp -R layouts/. $(SHARE)/briefing/layouts/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/briefing $(SHARE)/man/man1/briefing.1 \
		$(SHARE)/bash-completion/completions/briefing $(SHARE)/zsh/site-functions/_briefing \
		$(SHARE)/fish/vendor_completions.d/briefing.fish
	rm -rf $(SHARE)/briefing

clean:
	rm -rf .build $(OUTPUT)/*.json
