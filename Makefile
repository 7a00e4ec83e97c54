# LCJB Forum Manager. `make help` lists the targets.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.DEFAULT_GOAL := help
.PHONY: help install run test lint format migrations services-up services-down bench frontend

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-test.txt constraints.txt
	scripts/install-system-deps.sh
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-test.txt -c constraints.txt
	@touch $(STAMP)

install: $(STAMP) ## Create the virtual environment, install everything, compile the Welsh catalogue
	scripts/translations.sh compile

run: install ## Run web, worker and beat with demo data on http://127.0.0.1:8000
	$(PY) manage.py migrate --no-input
	$(PY) manage.py seed_demo
	$(VENV)/bin/honcho --procfile Procfile.dev start

test: install ## Lint, check and run every test against a throwaway PostgreSQL and Redis
	scripts/test.sh

lint: install ## ruff check and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install ## Format and fix what ruff can
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

services-up: ## Start a PostgreSQL and Redis for development (prints the variables to export)
	@scripts/services.sh start dev 55432 56379

services-down: ## Stop the development PostgreSQL and Redis
	@scripts/services.sh stop dev 55432 56379

bench: install ## Every bench on its own PostgreSQL: figures beside targets, non-zero on a miss
	scripts/bench.sh

frontend: ## Rebuild the GOV.UK Frontend assets in static/govuk (needs node and npm)
	frontend/build.sh
