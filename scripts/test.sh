#!/usr/bin/env bash
# `make test`: the whole suite on SQLite, then the database-backed tests again on
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
echo "== Tests sur SQLite"
env -u DATABASE_URL .venv/bin/python -m pytest -n 2 "$@"
if [ -n "${REGISTRE_TEST_DATABASE_URL:-}" ]; then
  echo "== Tests de la base et du web sur PostgreSQL"
  DATABASE_URL="$REGISTRE_TEST_DATABASE_URL" .venv/bin/python -m pytest -n 2 -m "not browser" tests/web "$@"
fi
