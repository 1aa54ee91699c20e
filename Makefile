# The two commands a fresh machine needs: `make demo` and `make test`.  Both create .venv and install
# gongkai (editable) with its test extras first; nothing else has to be installed by hand.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
EXAMPLE = examples/nanjiang-2018/report.toml

# Debian packages the tests use as real components (a browser, an office suite, a PDF rasteriser).  Installed
# when running as root with apt-get (as on the project's machines and in CI); elsewhere the tests that need them
# skip with a visible reason (and fail under CI=true).  Add one package per line.
SYSTEM_PACKAGES = \
	poppler-utils \
	chromium \
	libreoffice-writer-nogui

.PHONY: demo test lint bench mutation clean system-deps

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("gongkai needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test,import]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/gongkai build $(EXAMPLE)
	@echo "PDF: $(abspath $(EXAMPLE:.toml=.pdf))"

system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	  missing=""; for p in $(SYSTEM_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	  if [ -n "$$missing" ]; then \
	    echo "installing Debian packages:$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing \
	      >/dev/null) || echo "warning: could not install$$missing; the tests that need them will say so"; \
	  fi; \
	else echo "note: not root or no apt-get; system packages ($(strip $(SYSTEM_PACKAGES))) not installed"; fi

test: $(BIN)/.installed system-deps
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check .

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(BIN)/.installed
	$(BIN)/python -m bench

# Named mutations (mutation/mutations.py) applied to a copy of the tree; every one must be caught.  Not in CI.
mutation: $(BIN)/.installed
	$(BIN)/python -m mutation

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
