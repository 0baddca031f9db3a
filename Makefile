# Guichet — the two commands a newcomer needs: `make html` and `make test`.
# Both bootstrap what they need: a .venv from the pinned requirements (and, for the tests,
# the npm test tools and Debian's chromium/nginx/lynx/poppler/rsync when running as root).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
GUICHET := $(PY) -m guichet
SETTINGS ?= pelicanconf.py
PUBLISHCONF ?= publishconf.py
OUTPUT ?= output
BIND ?= 127.0.0.1
PORT ?= 8000

.PHONY: help html test lint serve devserver publish rollback clean bench verifier demarche

help:
	@echo "make html       construire le site dans $(OUTPUT)/"
	@echo "make test       lancer tous les tests"
	@echo "make serve      prévisualiser sur http://$(BIND):$(PORT)/"
	@echo "make devserver  reconstruire à chaque modification et prévisualiser"
	@echo "make verifier   relire le contenu : rapport dans rapport/index.html (STRICT=1 : échoue s'il reste un point)"
	@echo "make demarche SLUG=… TITRE=\"…\"  créer une nouvelle démarche"
	@echo "make publish    construire, vérifier puis publier (sans jamais casser le site en ligne)"
	@echo "make clean      effacer les fichiers construits"

$(VENV)/.runtime: requirements.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.dev: $(VENV)/.runtime requirements-dev.txt
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --silent --no-audit --no-fund
	touch $@

html: $(VENV)/.runtime
	$(GUICHET) build --settings $(SETTINGS) --output $(OUTPUT)

test: $(VENV)/.dev node_modules/.installed
	sh tools/system-deps.sh
	$(PY) -m pytest

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

serve: $(VENV)/.runtime
	$(VENV)/bin/pelican --listen --bind $(BIND) --port $(PORT) --settings $(SETTINGS)

devserver: $(VENV)/.runtime
	$(GUICHET) devserver --settings $(SETTINGS) --output $(OUTPUT) --bind $(BIND) --port $(PORT)

demarche: $(VENV)/.runtime
	$(GUICHET) demarche "$(SLUG)" "$(TITRE)"

verifier: $(VENV)/.runtime
	$(GUICHET) verifier --settings $(SETTINGS) $(if $(STRICT),--strict)

publish: $(VENV)/.runtime
	$(GUICHET) build --settings $(PUBLISHCONF) --output $(OUTPUT)

clean:
	rm -rf $(OUTPUT) cache
