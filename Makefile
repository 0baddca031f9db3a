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

.PHONY: help html test test-fast lint serve devserver publish rollback clean bench bench-fcp verifier demarche importer-fiche importer-guichets

help:
	@echo "make html       construire le site dans $(OUTPUT)/"
	@echo "make test       lancer tous les tests"
	@echo "make test-fast  lancer les tests rapides, sans construction complète ni navigateur (moins d'une minute)"
	@echo "make serve      prévisualiser sur http://$(BIND):$(PORT)/"
	@echo "make devserver  reconstruire à chaque modification et prévisualiser (BIND=0.0.0.0 : depuis un téléphone du même réseau)"
	@echo "make verifier   relire le contenu : rapport dans rapport/index.html (STRICT=1 : échoue s'il reste un point)"
	@echo "make demarche SLUG=… TITRE=\"…\"  créer une nouvelle démarche"
	@echo "make importer-fiche FICHIER=F1341.xml  créer ou mettre à jour une démarche depuis service-public.fr"
	@echo "make importer-guichets FICHIER=annuaire.json INSEE=12345  guichets depuis l'Annuaire"
	@echo "make publish    construire, vérifier puis publier (sans jamais casser le site en ligne)"
	@echo "make rollback   remettre en ligne la version publiée précédente (au même endroit que make publish)"
	@echo "make clean      effacer les fichiers construits"
	@echo "make bench      mesurer la vitesse de construction (résultats dans BENCHMARKS.md)"
	@echo "make bench-fcp  mesurer le premier affichage sur une connexion lente (Chromium, nginx)"

$(VENV)/.runtime: requirements.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
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
	$(PY) -m pytest -n auto --durations=15

# Unit and pure tests: no full build in a subprocess, no browser (markers in pyproject.toml).
test-fast: $(VENV)/.dev
	GUICHET_TESTS_FAST=1 $(PY) -m pytest -n auto -q -m "not build and not browser" --durations=15

lint: $(VENV)/.dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

serve: $(VENV)/.runtime
	$(if $(filter-out 127.0.0.1 localhost ::1,$(BIND)),@echo "$(NETWORK_WARNING)")
	$(VENV)/bin/pelican --listen --bind $(BIND) --port $(PORT) --settings $(SETTINGS)

NETWORK_WARNING = Attention : BIND=$(BIND) rend l'aperçu visible par tous les appareils de ce réseau (brouillons compris). Arrêtez-le (Ctrl+C) dès que vous avez fini.

devserver: $(VENV)/.runtime
	$(if $(filter-out 127.0.0.1 localhost ::1,$(BIND)),@echo "$(NETWORK_WARNING)")
	$(GUICHET) devserver --settings $(SETTINGS) --output $(OUTPUT) --bind $(BIND) --port $(PORT)

demarche: $(VENV)/.runtime
	$(GUICHET) demarche "$(SLUG)" "$(TITRE)"

# Imports from service-public.fr (docs/guide-redaction.md, parts 15 and 16). FICHE: a fiche's
# number in a folder of the unzipped archive; THEME, SLUG: optional; TYPES: mairie,ccas,…
importer-fiche: $(VENV)/.runtime
	$(GUICHET) importer-fiche "$(FICHIER)" --settings $(SETTINGS) $(if $(FICHE),--fiche $(FICHE)) \
		$(if $(THEME),--theme $(THEME)) $(if $(SLUG),--slug $(SLUG))

importer-guichets: $(VENV)/.runtime
	$(GUICHET) importer-guichets "$(FICHIER)" --insee "$(INSEE)" --settings $(SETTINGS) \
		$(if $(TYPES),--types $(TYPES))

verifier: $(VENV)/.runtime
	$(GUICHET) verifier --settings $(SETTINGS) $(if $(STRICT),--strict)

# make publish: build into a fresh folder beside $(PUBLISH_DIR), check, then swap it in (the
# previous version is kept for make rollback). PUBLISH_RSYNC_TARGET=user@host:/var/www/guichet/
# also uploads the changed files. Both default to publishconf.py's settings.
PUBLISH_DIR ?=
PUBLISH_RSYNC_TARGET ?=
PUBLISH_ARGS = --settings $(PUBLISHCONF) $(if $(PUBLISH_DIR),--dir $(PUBLISH_DIR)) \
	$(if $(PUBLISH_RSYNC_TARGET),--rsync $(PUBLISH_RSYNC_TARGET))

publish: $(VENV)/.runtime
	$(GUICHET) publish $(PUBLISH_ARGS)

rollback: $(VENV)/.runtime
	$(GUICHET) rollback $(PUBLISH_ARGS)

clean:
	rm -rf $(OUTPUT) cache

# -- Benchmarks: Guichet against plain Pelican (bench/, results in BENCHMARKS.md) ---------------
# make bench BENCH_N=100 BENCH_PHOTOS=20 BENCH_RUNS=1 BENCH_SCALES=100,1000   (a quick look)
BENCH_N ?= 1000
BENCH_PHOTOS ?= 200
BENCH_COUNTERS ?= 5
BENCH_RUNS ?= 3
BENCH_HEAVY_RUNS ?= $(BENCH_RUNS)
BENCH_SCALES ?= 100,1000,5000
BENCH_SCALE_PHOTOS ?= 0
BENCH_SEED ?= 2026
BENCH_WORK ?= /tmp/guichet-bench

bench: $(VENV)/.runtime
	$(PY) -m bench.run --procedures $(BENCH_N) --photos $(BENCH_PHOTOS) \
		--counters $(BENCH_COUNTERS) --runs $(BENCH_RUNS) --heavy-runs $(BENCH_HEAVY_RUNS) --scales "$(BENCH_SCALES)" \
		--scale-photos $(BENCH_SCALE_PHOTOS) --seed $(BENCH_SEED) --work $(BENCH_WORK) \
		--report BENCHMARKS.md --json bench/results/latest.json
	$(MAKE) bench-fcp

# First paint on Slow 3G and 2G, Guichet's three ways of shipping its stylesheet against plain
# Pelican (bench/fcp.py): Debian's Chromium and nginx. Also runs alone.
BENCH_FCP_PROCEDURES ?= 30
BENCH_FCP_RUNS ?= 3
bench-fcp: $(VENV)/.dev
	sh tools/system-deps.sh
	$(PY) -m bench.fcp --procedures $(BENCH_FCP_PROCEDURES) --runs $(BENCH_FCP_RUNS) \
		--report BENCHMARKS.md --json bench/results/fcp.json
