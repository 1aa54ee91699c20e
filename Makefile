# The two commands a fresh machine needs: `make demo` and `make test`.  Both create .venv and install
# gongkai (editable) with its test extras first; nothing else has to be installed by hand.
PYTHON ?= python3
VENV ?= .venv
BIN = $(VENV)/bin
EXAMPLE = examples/nanjiang-2018/report.toml

.PHONY: demo test lint bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit("gongkai needs Python >= 3.11") if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/gongkai build $(EXAMPLE)
	@echo "PDF: $(abspath $(EXAMPLE:.toml=.pdf))"

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check .

lint: $(BIN)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

bench: $(BIN)/.installed
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
