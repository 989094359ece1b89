# Two commands do everything on a fresh machine:
#   make run    set up .venv from uv.lock and run the job on the bundled sample reports
#   make test   set up .venv from uv.lock and run the whole test suite
PYTHON ?= python3
UV_VERSION := 0.13.9
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: setup run test lint bench bench-small dashboard clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

setup: $(VENV)/.synced

run: setup
	$(VENV)/bin/gwr run

test: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest -q -ra $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: setup
	$(VENV)/bin/python -m bench.run --docs 1000 --docs 10000

bench-small: setup
	$(VENV)/bin/python -m bench.run --docs 200

clean:
	rm -rf $(VENV) $(TOOLS) data out .pytest_cache
