# jixiao — see README.md. Every target works on a fresh machine with Go and gcc/g++.
GO      ?= go
TAGS    := sqlite_fts5
BENCH   ?= ../shared/bench-corpus
export JIXIAO_BENCH ?= $(abspath $(BENCH))

.PHONY: build test demo bench lint fuzz clean

build:
	$(GO) build -tags $(TAGS) -o bin/jixiao ./cmd/jixiao

# The corpus-wide accuracy tests read $(BENCH) and skip with a message when it is absent.
test: lint
	$(GO) test -tags $(TAGS) -count=1 ./...

demo: build
	./bin/jixiao check testdata/seed/seed.docx testdata/seed/seed-split.docx

# Benchmarks only (no tests); results are printed with their ratios against peers.
bench: build
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -benchtime 3x ./...

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...

# Short fuzzing runs of every fuzz target (FUZZTIME each).
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf bin jixiao.db jixiao.db-wal jixiao.db-shm
