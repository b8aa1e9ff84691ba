#!/usr/bin/env bash
# `make test`: the whole suite on SQLite, and on PostgreSQL when it can be reached.
# When REGISTRE_TEST_DATABASE_URL is unset and we are root with a local
# PostgreSQL 15, start it and create a throwaway test database.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${REGISTRE_TEST_DATABASE_URL:-}" ] && [ "$(id -u)" -eq 0 ] && command -v pg_ctlcluster >/dev/null; then
  if bash scripts/start-postgres.sh; then
    export REGISTRE_TEST_DATABASE_URL="postgres://registre:registre@127.0.0.1:5432/registre_test"
  fi
fi
exec .venv/bin/python -m pytest -n 2 "$@"
