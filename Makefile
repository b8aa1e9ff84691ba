# Registre — the two commands: `make run` and `make test`.
# Both create .venv when missing, install the project (and, as root, the Debian
# packages it needs), then do their job.

VENV ?= .venv
PYTHON ?= python3
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup system-packages bench clean

run: setup
	$(BIN)/registre serve --demo --host $(HOST) --port $(PORT)

test: setup
	bash scripts/test.sh

setup: $(STAMP)

$(STAMP): pyproject.toml scripts/debian-packages.txt
	bash scripts/install-system-packages.sh
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

bench: setup
	for b in bench/*.py; do $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) var/ build/ src/*.egg-info
