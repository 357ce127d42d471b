# Networking, Demystified: every command a learner, counsellor or developer needs.
# Run `make help` for the list. The first command you run sets up .venv by itself.

PYTHON  ?= python3
PORT    ?= 8000
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed-$(shell cat requirements.txt pyproject.toml | cksum | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.DEFAULT_GOAL := help
# Words make took for commands: a NAME typed without quotes ("NAME=Networking at work").
# The scaffold commands name them and stop before make tries to run "at" and "work".
TARGETS := test-deps node-deps zensical-deps help serve edit site zip test check worksheets bench mutate new-lesson new-exercise rename-lesson remove-lesson cms-config clean
EXTRA_WORDS := $(filter-out $(TARGETS),$(MAKECMDGOALS))
.PHONY: $(TARGETS)

help: ## Show this list
	@echo "Networking, Demystified: make targets"
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-14s %s\n", $$1, $$2}'

# Also installs the course's package (scripts/course, pyproject.toml), editable: mkdocs.yml names
# its exercise block `course.blocks`. A linked .venv (the tests' copies) keeps its own copy's.
EDITABLE = test -L $(VENV) || $(1)/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .

$(STAMP): requirements.txt pyproject.toml
	@echo "First run: setting up the course's tools in .venv (about a minute, only once)..."
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(call EDITABLE,$(VENV))
	@rm -f $(VENV)/.installed-* && touch $@

serve: $(STAMP) ## Build and preview the site at http://127.0.0.1:8000 (reloads when you save; PORT=8001 for another port)
	@$(BIN)/python scripts/serve.py --port "$(PORT)"

edit: $(STAMP) node-deps ## Edit in forms: the editor at http://127.0.0.1:8000/admin/ saves into this copy
	@echo "Starting the editor's helper (decap-server) on 127.0.0.1:8081. Open http://127.0.0.1:8000/admin/"
	@BIND_HOST=127.0.0.1 PORT=8081 node node_modules/decap-server/dist/index.js & helper=$$!; \
	  trap 'kill $$helper 2>/dev/null' EXIT INT TERM; \
	  $(MAKE) --no-print-directory serve

site: $(STAMP) ## Build the site into site/ (strict: any problem stops the build)
	$(BIN)/python scripts/build_worksheets.py --quiet --out docs/printables/pdf
	@rm -rf site.tmp
	$(BIN)/mkdocs build --strict --site-dir site.tmp || { rm -rf site.tmp; exit 1; }
	@rm -rf site && mv site.tmp site
	@echo "Built the site in site/"

zip: site ## Make the offline bundle dist/networking-demystified.zip (works from a USB stick)
	@mkdir -p dist && rm -f dist/networking-demystified.zip
	$(BIN)/python scripts/make_zip.py site dist/networking-demystified.zip
	@echo "Made dist/networking-demystified.zip: unzip it and open index.html"

cms-config: $(STAMP) ## Write the editor's forms (admin/config.yml) from the exercise model
	$(BIN)/python scripts/write_cms_config.py

check: $(STAMP) ## Check every lesson and exercise for mistakes
	$(BIN)/python scripts/check_exercises.py

worksheets: $(STAMP) ## Build the printable PDF worksheets and workshop packets
	$(BIN)/python scripts/build_worksheets.py --out docs/printables/pdf

new-lesson: $(STAMP) ## Start a new lesson: make new-lesson NAME="Networking at work"
	@$(BIN)/python scripts/scaffold.py --extra "$(EXTRA_WORDS)" lesson "$(NAME)"

rename-lesson: $(STAMP) ## Rename a lesson, fixing links: make rename-lesson LESSON=lessons/04-give-first.md NAME="Give first"
	@$(BIN)/python scripts/scaffold.py --extra "$(EXTRA_WORDS)" rename-lesson "$(LESSON)" "$(NAME)"

remove-lesson: $(STAMP) ## Remove a lesson nothing uses: make remove-lesson LESSON=lessons/14-my-lesson.md
	@$(BIN)/python scripts/scaffold.py remove-lesson "$(LESSON)"

new-exercise: $(STAMP) ## Start a new exercise: make new-exercise KIND=quiz ID=my-quiz LESSON=lessons/14-my-lesson.md
	@$(BIN)/python scripts/scaffold.py exercise "$(KIND)" "$(ID)" "$(LESSON)"

# Zensical in a venv of its own (it needs no MkDocs), with the course's package: the tests build
# the course with it to prove every exercise renders there too.
ZENSICAL := $(VENV)/zensical
ZSTAMP  := $(ZENSICAL)/.installed-$(shell cat requirements-zensical.txt pyproject.toml | cksum | cut -d' ' -f1)
$(ZSTAMP): requirements-zensical.txt pyproject.toml
	@test -x $(ZENSICAL)/bin/python || $(PYTHON) -m venv $(ZENSICAL)
	$(ZENSICAL)/bin/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt
	$(call EDITABLE,$(ZENSICAL))
	@rm -f $(ZENSICAL)/.installed-* && touch $@

zensical-deps: $(STAMP) $(ZSTAMP)

test-deps: $(STAMP) $(ZSTAMP)
	@if [ ! -x /usr/bin/chromium ] || ! command -v pdftoppm >/dev/null; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing Debian's chromium and poppler-utils for the browser and PDF tests..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null; \
	  else \
	    echo "Please run: sudo apt-get install chromium poppler-utils   (then run make test again)"; exit 1; \
	  fi; \
	fi
	@$(MAKE) --no-print-directory node-deps

# The npm packages: axe-core for the tests, Decap CMS and decap-server for the editor.
node-deps:
	@test -f node_modules/axe-core/axe.min.js && test -f node_modules/decap-cms/dist/decap-cms.js \
	  && test -f node_modules/decap-server/dist/index.js || npm ci --no-audit --no-fund --silent

test: test-deps ## Run every test (installs what the tests need first)
	$(BIN)/python -m pytest

bench: test-deps ## Measure speed, page weight and Lighthouse scores (writes bench/README.md)
	@test -x bench/node_modules/.bin/lighthouse || npm ci --prefix bench --no-audit --no-fund --silent
	$(BIN)/python bench/run.py --readme

MUTATE := build/mutate
mutate: $(STAMP) ## Mutation testing of the answer rules and the checks (slow; not part of make test)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@# mutmut expects the package under src/: a copy of the project is laid out that way.
	@rm -rf $(MUTATE) && mkdir -p $(MUTATE)/src $(MUTATE)/scripts
	@cp -r scripts/course $(MUTATE)/src/ && cp scripts/*.py $(MUTATE)/scripts/
	@cp -r tests docs exercises workshops overrides mkdocs.yml $(MUTATE)/
	@cp tests/mutmut.cfg $(MUTATE)/setup.cfg
	cd $(MUTATE) && $(CURDIR)/$(BIN)/mutmut run --max-children 2 $(MUTANTS)
	@cd $(MUTATE) && $(CURDIR)/$(BIN)/mutmut export-cicd-stats >/dev/null && $(CURDIR)/$(BIN)/python -c \
	  "import json; s = json.load(open('mutants/mutmut-cicd-stats.json')); \
	   caught = s['killed'] + s['timeout'] + s['suspicious']; tried = caught + s['survived'] + s['no_tests']; \
	   print(f\"Mutation score: {caught} of {tried} changes caught, {s['survived']} survived\")"
	@echo "See each survivor: cd $(MUTATE) && $(CURDIR)/$(BIN)/mutmut results, then mutmut show NAME"

clean: ## Remove built files (site/, dist/, built PDFs, the preview's PDFs in .cache/worksheets)
	rm -rf site site.tmp dist docs/printables/pdf .cache/worksheets .pytest_cache build
