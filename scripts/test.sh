#!/usr/bin/env bash
# `make test`: lint (ruff), format check (ruff format) and types (mypy) as configured in
# pyproject.toml, then the whole suite on SQLite, then the database-backed tests again on
# PostgreSQL. When REGISTRE_TEST_DATABASE_URL is unset and we are root with a
# local PostgreSQL 15, start it and create the test role and database.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${REGISTRE_TEST_DATABASE_URL:-}" ] && [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null; then
  if bash scripts/start-postgres.sh; then
    export REGISTRE_TEST_DATABASE_URL="postgres://registre:registre@127.0.0.1:5432/registre_test"
  else
    echo "PostgreSQL n'a pas pu démarrer : tests sur SQLite seulement." >&2
  fi
fi
echo "== Style et types : ruff, ruff format, mypy"
# a finding fails the run, after the tests have run too (one run shows everything)
checks=0
.venv/bin/ruff check . || checks=1
.venv/bin/ruff format --check . || checks=1
.venv/bin/mypy || checks=1
echo "== Tests sur SQLite"
env -u DATABASE_URL .venv/bin/python -m pytest -n 2 "$@"
if [ -n "${REGISTRE_TEST_DATABASE_URL:-}" ]; then
  echo "== Tests de la base et du web sur PostgreSQL"
  DATABASE_URL="$REGISTRE_TEST_DATABASE_URL" .venv/bin/python -m pytest -n 2 -m "not browser" tests/web "$@"
fi
if [ "$checks" -ne 0 ]; then
  echo "ruff ou mypy signale des erreurs (voir plus haut)." >&2
  exit 1
fi
