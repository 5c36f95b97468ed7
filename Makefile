# The two commands a new user needs: `make run` (sample job) and `make test` (the test suite).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
REQS := requirements/pip.txt requirements/base.txt requirements/dev.txt pyproject.toml
PIP := $(BIN)/python -m pip --disable-pip-version-check --no-input

.PHONY: setup run test bench lock clean browser train

setup: $(STAMP)

# Rebuilt only when a pinned requirement or the project metadata changes. The installer comes first,
# pinned and hash-checked (requirements/pip.txt), so the lock never meets the pip that python3.11 bundles;
# then the lock, whose every line is pinned and hashed, so nothing is resolved at install time.
# LOCK_ARGS=--dry-run checks the whole path without installing the lock (tests/test_setup.py does this).
LOCK_ARGS ?=
$(STAMP): $(REQS)
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/pip.txt
	$(PIP) install --quiet --require-hashes $(LOCK_ARGS) -r requirements/base.txt -r requirements/dev.txt
ifeq ($(LOCK_ARGS),)
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	$(PIP) check
	@touch $(STAMP)
endif

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

# Rebuild the learned models from corpus/train/ (deterministic: fixed seeds; about 20 minutes on 2 cores).
train: setup
	$(BIN)/python -m eventlens.learn.train

bench: setup
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/throughput.py

# Re-pin after editing requirements/*.in (needs pip-tools in the venv).
lock:
	$(BIN)/python -m pip install --quiet pip-tools==7.7.0  # 7.7.0 is known to work with the pip of requirements/pip.txt
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o base.txt base.in
	cd requirements && ../$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o dev.txt dev.in

clean:
	rm -rf $(VENV) build *.egg-info
