# triad — make help lists the targets.

GO      ?= go
BIN     ?= bin/triad
DATA    ?= testdata/sample
OUT     ?= docs/ANALYSIS.md
DB      ?= triad.duckdb
RULES   ?= v5
# The agent of agent runs whose files do not name one (the sample and the OmniPerf trees are claude-code's).
AGENT_NAME  ?= claude-code
AGENT_MODEL ?= claude-sonnet-4-20250514
# Claims and notes for the bundled sample's report; other trees get none unless given.
ifeq ($(DATA),testdata/sample)
CLAIMS ?= testdata/report/sample_claims.csv
NOTES  ?= testdata/report/sample_notes.csv
endif
REPORT_FLAGS = $(if $(CLAIMS),--claims $(CLAIMS)) $(if $(NOTES),--notes $(NOTES))

.DEFAULT_GOAL := help
.PHONY: help build test golden lint bench report clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z]+:.*## / {printf "  %-8s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

build: ## build bin/triad
	$(GO) build -o $(BIN) .

test: ## gofmt check, go vet and all tests
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change:"; echo "$$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) test ./...

golden: ## rewrite golden files (review the diff!)
	$(GO) test ./... -update

lint: ## gofmt and go vet only
	@gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...

bench: ## benchmarks: ingest throughput on the sample and the real tree
	$(GO) test -run '^$$' -bench . -benchtime 3x ./...

report: build ## ingest DATA (default testdata/sample) into DB and write the analysis to OUT
	rm -f $(DB).tmp $(DB).tmp.wal
	$(BIN) ingest --db $(DB).tmp --rules $(RULES) --agent-name $(AGENT_NAME) --agent-model $(AGENT_MODEL) $(DATA)
	mv -f $(DB).tmp $(DB)
	$(BIN) report --db $(DB) --rules $(RULES) -o $(OUT) $(REPORT_FLAGS)
	@echo "wrote $(OUT) from $(DATA) (database $(DB))"

clean: ## remove build outputs and databases
	rm -rf bin $(DB) $(DB).tmp *.duckdb *.duckdb.wal
