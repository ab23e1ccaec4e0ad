# The two commands of the README: `make demo` and `make test`.
#   make demo [PORT=8000] [PYTHON=python3.12]   runtime dependencies only (requirements/demo.lock)
#   make test [PYTEST_ARGS=...]                  adds the test tools (requirements/test.lock)
#   make lock                                    regenerates both lock files (with hashes) from pyproject.toml
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 8000
PIP := $(BIN)/python -m pip --disable-pip-version-check
LOCK_FLAGS := --quiet --generate-hashes --strip-extras --allow-unsafe --no-emit-index-url --no-emit-find-links

.PHONY: demo test bench lock venv

demo: $(VENV)/.demo-installed
	$(BIN)/zhaoshang demo --port $(PORT)

test: $(VENV)/.test-installed
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.test-installed
	$(BIN)/python bench/parse.py

# A .venv made where python3-venv was missing has no working bin/python or bin/pip: it is removed and made again.
# Python older than 3.11 is refused at once (pip would otherwise try wheel after wheel for minutes).
venv:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null || { \
	  echo "需要 Python 3.11 或更高版本（当前：$$($(PYTHON) --version 2>&1)）。请用 PYTHON=python3.12 make demo 指定。"; \
	  echo "Python >= 3.11 is required (found: $$($(PYTHON) --version 2>&1)). Use e.g. PYTHON=python3.12 make demo."; \
	  exit 1; }
	@if [ -d $(VENV) ] && ! $(BIN)/python -m pip --version >/dev/null 2>&1; then \
	  echo "$(VENV) 不完整，重新创建 (incomplete virtualenv, recreating)"; rm -rf $(VENV); fi
	@if [ ! -d $(VENV) ]; then \
	  $(PYTHON) -m venv $(VENV) || { rm -rf $(VENV); \
	    echo "无法创建虚拟环境：请安装 python3-venv（sudo apt-get install python3-venv）。"; \
	    echo "Cannot create a virtualenv: install python3-venv (sudo apt-get install python3-venv)."; exit 1; }; fi

$(VENV)/.demo-installed: requirements/demo.lock pyproject.toml | venv
	$(PIP) install -q --require-hashes -r requirements/demo.lock
	$(PIP) install -q --no-deps -e .
	touch $@

$(VENV)/.test-installed: requirements/test.lock $(VENV)/.demo-installed | venv
	$(PIP) install -q --require-hashes -r requirements/test.lock
	touch $@

lock: venv
	$(PIP) install -q pip-tools
	$(BIN)/pip-compile $(LOCK_FLAGS) -o requirements/demo.lock pyproject.toml
	$(BIN)/pip-compile $(LOCK_FLAGS) --extra dev -o requirements/test.lock pyproject.toml
