# depeche: `make run` (venv, install, run the sample) and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
INPUT ?= corpus/dispatches
OUT ?= out
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench evaluate conformance lint model gazetteer clean

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "make: $(PY) not found; set PY=python3" >&2; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test,build]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/depeche run $(INPUT) -o $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile tests

test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -x -m "not slow and not services" tests

evaluate: $(STAMP)
	$(BIN)/depeche evaluate $(SHARED)/gold --out metrics

bench: $(STAMP)
	$(BIN)/python scripts/bench.py --docs $(SHARED)/data/winer-fr/docs.jsonl

lint: $(STAMP)
	$(BIN)/python -m compileall -q pipeline tests scripts

clean:
	rm -rf $(OUT) build *.egg-info .pytest_cache
