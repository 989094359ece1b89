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

.PHONY: setup native browser run serve test lint bench bench-small dashboard clean

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)

$(VENV)/.synced: uv.lock pyproject.toml | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	touch $@

setup: $(VENV)/.synced

# The parser's hot modules compiled with mypyc (gwr/native.py): about a quarter less parse time.
# Optional: if the build fails, the job runs the same code interpreted.
native: setup
	@$(VENV)/bin/python -m gwr.native || true

# Headless Chromium renders the dashboard in its test. Installed from Debian's packages when we
# are root on a machine without it; elsewhere the render test skips unless GWR_REQUIRE_CHROMIUM=1.
browser:
	@if ! command -v chromium >/dev/null 2>&1; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium and a CJK font (Debian packages) for the dashboard render test"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null) \
	      || echo "warning: could not install chromium"; \
	  else echo "note: chromium not found; the dashboard render test will skip"; fi; \
	fi

run: native
	$(VENV)/bin/gwr run
	$(VENV)/bin/gwr summary

serve: native
	$(VENV)/bin/gwr serve

test: setup browser
	$(VENV)/bin/ruff check .
	$(VENV)/bin/python -m pytest -q -ra $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

bench: native
	$(VENV)/bin/python -m bench.run --docs 1000 --docs 10000

bench-small: native
	$(VENV)/bin/python -m bench.run --docs 1000

clean:
	rm -rf $(VENV) $(TOOLS) .native data out .pytest_cache
