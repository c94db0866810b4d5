# schema-ls — the two commands a fresh machine needs are `make demo` and
# `make test`; both install what is missing first.

GO        ?= go
BIN       := bin/schema-ls
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -X main.version=$(VERSION)

.PHONY: all deps build demo test vet fmt bench fuzz clean

all: build

deps:
	@scripts/install-deps.sh

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN) ./cmd/schema-ls

## demo: build schema-ls and run it on the bundled example projects.
demo: deps build
	@echo '$$ schema-ls check examples/shop        # a valid schema: no output, exit 0'
	@$(BIN) check examples/shop; echo "exit $$?"
	@echo
	@echo '$$ schema-ls check examples/broken      # syntax and Atlas errors, one line each, exit 1'
	@$(BIN) check examples/broken; echo "exit $$?"
	@echo
	@echo '$$ schema-ls check --format json examples/broken/unclosed.hcl'
	@$(BIN) check --format json examples/broken/unclosed.hcl; echo "exit $$?"
	@echo
	@echo '$$ schema-ls fmt --check examples/shop   # canonical style already: no output, exit 0'
	@$(BIN) fmt --check examples/shop; echo "exit $$?"
	@echo
	@echo 'The language server: $(BIN) serve --stdio (see README: editor set-up).'

## test: install what is missing, then vet and run every test with the race detector.
test: deps
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || { echo "gofmt needed:"; gofmt -l .; exit 1; }
	$(GO) vet ./...
	$(GO) test -race ./...

vet:
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

bench:
	$(GO) test -run XXX -bench . -benchtime 20x ./...

fuzz:
	$(GO) test -run XXX -fuzz FuzzHCLFeatures -fuzztime 60s ./hclschema
	$(GO) test -run XXX -fuzz FuzzParseArchive -fuzztime 60s ./workspace
	$(GO) test -run XXX -fuzz FuzzMapper -fuzztime 60s ./internal/source
	$(GO) test -run XXX -fuzz FuzzLoad -fuzztime 60s ./sqlsupport
	$(GO) test -run XXX -fuzz FuzzPlan -fuzztime 60s ./diff

clean:
	rm -rf bin
