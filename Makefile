# Two entry points, as the README's Quick start says: `make demo` and `make test`.
# Both create the virtual environment .venv from PyPI on first use.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_ASSETS := tests/browser/node_modules/.installed

.PHONY: demo test bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -c constraints.txt -e '.[test]'
	touch $@

# Leaflet and its plugins from the npm registry, served to the browser tests in place of
# the CDNs these machines cannot reach.  Without npm the browser tests are skipped.
$(NODE_ASSETS): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
	  npm ci --prefix tests/browser --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the browser tests will be skipped"; fi

demo: $(STAMP)
	$(BIN)/geo build
	@echo "Open maps/index.html in a browser; the events are in maps/events.geojson."

test: $(STAMP) $(NODE_ASSETS)
	$(BIN)/python -m pytest

bench: $(STAMP)
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) tests/browser/node_modules .pytest_cache
