# The two set-up commands of the README: `make run` and `make test`. Both create or update .venv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TS := resources/translations/cmswizard_zh_TW.ts
QM := cmswizard/gui/translations/cmswizard_zh_TW.qm
SOURCES := $(shell find cmswizard -name '*.py' | sort)

.PHONY: run test lint typecheck unit bench fuzz screenshots translations update-translations package clean \
	test-floors test-pythons package-test deb

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[gui,test]'
	@touch $(STAMP)

# .qm files are built from the reviewed .ts by pyside6-lrelease, never committed.
$(QM): $(TS) $(STAMP)
	@mkdir -p $(dir $(QM))
	$(BIN)/pyside6-lrelease -silent $(TS) -qm $(QM)

translations: $(QM)

# After changing user-visible strings: refresh the .ts (then translate the new entries).
update-translations: $(STAMP)
	$(BIN)/pyside6-lupdate -tr-function-alias QT_TR_NOOP=N_ -target-language zh_TW -no-obsolete -locations none $(SOURCES) -ts $(TS)

# Exit 2 with no display is the wizard's own one-line answer (it points to the command line): not a make error.
run: $(STAMP) $(QM)
	@$(BIN)/python -m cmswizard || [ $$? -eq 2 ]

lint: $(STAMP)
	$(BIN)/ruff check cmswizard tests bench

typecheck: $(STAMP)
	$(BIN)/mypy cmswizard

unit: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck unit

# The suite against the lowest versions pyproject.toml declares (runtime and the gui extra), in its own
# venv: packaging/floors.py turns the floors into pip constraints, which also hold in the build step.
test-floors:
	@mkdir -p build
	$(PYTHON) packaging/floors.py pyproject.toml > build/floors.txt
	@cat build/floors.txt
	PIP_CONSTRAINT=$(abspath build/floors.txt) $(MAKE) --no-print-directory .venv-floors/.installed VENV=.venv-floors
	.venv-floors/bin/python packaging/floors.py --check pyproject.toml  # the floors, not newer versions
	PIP_CONSTRAINT=$(abspath build/floors.txt) $(MAKE) --no-print-directory unit VENV=.venv-floors

# The suite on each Python in PYTHONS, each in its own venv (.venv-py3.X). An interpreter is taken from
# pyenv ($(PYENV_ROOT)/versions/3.X.*, newest first) or PATH (python3.X, if it runs: pyenv's shims may not);
# a missing one is an error, not a skip.
PYTHONS ?= 3.11 3.12 3.13
PYENV_ROOT ?= $(HOME)/.pyenv
test-pythons:
	@for version in $(PYTHONS); do \
		python=; for candidate in $$(ls -d $(PYENV_ROOT)/versions/$$version.*/bin/python$$version 2>/dev/null | sort -V -r) \
			$$(command -v python$$version); do \
			if $$candidate -c pass 2>/dev/null; then python=$$candidate; break; fi; \
		done; \
		if [ -z "$$python" ]; then echo "test-pythons: no Python $$version (PATH or $(PYENV_ROOT)/versions)"; exit 1; fi; \
		echo "test-pythons: $$($$python -V) ($$python)"; \
		$(MAKE) --no-print-directory unit VENV=.venv-py$$version PYTHON=$$python || exit 1; \
	done

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py

fuzz: $(STAMP)
	CMSWIZARD_FUZZ_EXAMPLES=20000 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest tests -k "property or fuzz" $(PYTEST_ARGS)

# English offscreen; Traditional Chinese in a real X server (Xvfb) with Noto Sans CJK TC, when present.
screenshots: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m cmswizard.gui.screenshots docs/screenshots
	if command -v xvfb-run >/dev/null; then \
		QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1280x1024x24" $(BIN)/python -m cmswizard.gui.screenshots docs/screenshots --lang zh_TW; \
	else \
		echo "xvfb-run not found (apt-get install xvfb fonts-noto-cjk): zh_TW screenshots rendered offscreen"; \
		QT_QPA_PLATFORM=offscreen $(BIN)/python -m cmswizard.gui.screenshots docs/screenshots --lang zh_TW; \
	fi

# A lean one-folder app with PyInstaller (Linux: needs binutils, and icu-devtools + cc to trim ICU's data),
# then smoke runs of the built binary offscreen: the wizard in both languages (our zh_TW catalogue and
# Qt's load), a CLI command, and a zh_TW command sheet (the Qt-free catalogue reader).
package: $(STAMP) $(QM)
	$(BIN)/python -m pip install --quiet pyinstaller
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/make_icons.py build/icons
	$(BIN)/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller packaging/cmswizard.spec
	QT_QPA_PLATFORM=offscreen dist/cmswizard/cmswizard --self-test
	QT_QPA_PLATFORM=offscreen dist/cmswizard/cmswizard --lang zh_TW --self-test | grep -qx "self-test: zh_TW: $$(grep -A1 '<source>What do you want to do?</source>' $(TS) | sed -n 's:.*<translation>\(.*\)</translation>.*:\1:p')"
	dist/cmswizard/cmswizard pki csr package-smoke CN:cms1.example.com subjectAltName:cms1.example.com --dir build/pyinstaller --force >/dev/null
	dist/cmswizard/cmswizard deploy --sheet-lang zh_TW --node cms1.example.com --callbridge cb.key cb.crt | head -1 | grep -q '憑證指令'
	@echo "built dist/cmswizard/ ($$(du -sh --apparent-size dist/cmswizard | cut -f1))"

# A Debian package of the one-folder app (dpkg-deb; packaging/linux/build-deb.sh): /opt/cmswizard, a
# /usr/bin/cmswizard link, the desktop entry, icon, AppStream metadata and the licence.
deb: package
	packaging/linux/build-deb.sh

# As root on a throwaway machine (CI): apt install the .deb, check PATH, desktop entry, icon, licence,
# the self-test in both languages without a display, a CLI command; apt remove --purge; nothing left.
# Slow (the PyInstaller build): not part of `make test`.
package-test: deb
	packaging/linux/package-test.sh

clean:
	rm -rf $(VENV) .venv-floors .venv-py3.* build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache cmswizard/gui/translations
