# PrivateLink Playground. `make run` serves it, `make test` checks everything.
GO      ?= go
ADDR    ?= 127.0.0.1:8080
DIR     ?= site
WASMENV  = GOOS=js GOARCH=wasm
GOFLAGS_RELEASE = -trimpath -ldflags="-s -w"

.PHONY: run build test vet unit wasm-check fuzz e2e chromium bench bench-browser static clean

## run: build the WebAssembly, then serve the playground on http://$(ADDR)
run: build
	$(GO) run . serve --addr $(ADDR)

## build: the UI's WebAssembly, the Terraform export's (loaded on its first
## use) and Graphviz's (copied from the pinned go-graphviz)
build: web/app.wasm web/terraform.wasm web/graphviz.wasm

web/app.wasm: FORCE
	$(WASMENV) $(GO) build $(GOFLAGS_RELEASE) -o $@ ./wasm/ui
	gzip -9 -k -f $@

web/terraform.wasm: FORCE
	$(WASMENV) $(GO) build $(GOFLAGS_RELEASE) -o $@ ./wasm/terraform
	gzip -9 -k -f $@

web/graphviz.wasm: go.mod go.sum
	$(GO) mod download github.com/goccy/go-graphviz
	cp "$$($(GO) list -m -f '{{.Dir}}' github.com/goccy/go-graphviz)/internal/wasm/graphviz.wasm" $@
	chmod 644 $@
	gzip -9 -k -f $@

FORCE:

## test: vet, unit tests, a js/wasm build check, a short fuzz run, then the browser suite
test: vet unit wasm-check fuzz e2e

vet:
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(WASMENV) $(GO) vet ./wasm/... ./app ./engine/...

unit:
	$(GO) test -count=1 $$($(GO) list ./... | grep -v /e2e)

wasm-check:
	$(WASMENV) $(GO) build -o /dev/null ./wasm/...
	$(WASMENV) $(GO) build ./engine/... ./app

## fuzz: every fuzz target of the project, briefly (FUZZTIME each). The
## Terraform export's targets are left out: under coverage instrumentation
## hclwrite and hclparse make each run take about a second, so a short run
## cannot even finish the seed corpus (their seeds run in the unit tests).
## FUZZTIME is a count of inputs (a few seconds each here), not a duration:
## with a duration, Go 1.26's fuzzing coordinator can fail a target with
## "context deadline exceeded" when time is up (go.dev/issue/75804).
FUZZTIME ?= 50000x
FUZZSKIP ?= /engine/terraform
fuzz:
	@for pkg in $$($(GO) list ./... | grep -v /e2e | grep -v '$(FUZZSKIP)'); do \
		for target in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
			echo "fuzz $$pkg $$target ($(FUZZTIME))"; \
			$(GO) test -run '^$$' -fuzz "^$$target$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
		done; \
	done

## e2e: the chromedp suite in headless Chromium (installs Chromium when missing)
e2e: build chromium
	$(GO) test -count=1 -timeout 10m ./e2e/

chromium:
	@./e2e/ensure-chromium.sh

## bench: engine benchmarks
bench:
	$(GO) test -run '^$$' -bench . -benchmem ./engine/...

## bench-browser: load and layout times in headless Chromium (see BENCHMARKS.md)
bench-browser: build chromium
	@peer=@hpcc-js/wasm-graphviz; version=1.29.2; \
	if ! grep -qs "\"version\": \"$$version\"" e2e/peer/node_modules/$$peer/package.json; then \
		echo "npm install --prefix e2e/peer --no-save $$peer@$$version"; \
		npm install --prefix e2e/peer --no-save --no-audit --no-fund $$peer@$$version || exit 1; \
	fi
	$(GO) run ./e2e/browserbench

## static: the static site that netlify.toml publishes, into DIR (default: site)
static: build
	$(GO) run . static --out $(DIR)

clean:
	rm -rf web/app.wasm web/terraform.wasm web/graphviz.wasm web/*.wasm.gz site e2e/failures
