# The two commands a new user needs: `make run` (sample job) and `make test` (the test suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REQS := requirements/base.txt requirements/dev.txt pyproject.toml

.PHONY: setup run test bench lock clean browser

setup: $(STAMP)

# Rebuilt only when a pinned requirement or the project metadata changes.
$(STAMP): $(REQS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/base.txt -r requirements/dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $(STAMP)

run: setup
	$(BIN)/eventlens code samples/ --format table
	@mkdir -p out
	$(BIN)/eventlens ingest samples/ --db out/samples.duckdb
	@echo
	@echo "Explore the sample events in the dashboard:"
	@echo "  .venv/bin/eventlens serve --db out/samples.duckdb    # then open http://127.0.0.1:8000/"

test: setup browser
	$(BIN)/python -m pytest -q

# The dashboard's browser tests drive Debian's Chromium (never a downloaded browser). Installed here
# when missing and apt-get is at hand; without it those tests skip and say why.
browser:
	@if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing chromium for the browser tests"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null \
			|| echo "could not install chromium: the browser tests will skip"; \
	fi

bench: setup
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/throughput.py

# Re-pin after editing requirements/*.in (needs pip-tools in the venv).
lock:
	$(BIN)/python -m pip install --quiet pip-tools
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o base.txt base.in
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras -o dev.txt dev.in

clean:
	rm -rf $(VENV) build *.egg-info
