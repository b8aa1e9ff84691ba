#!/usr/bin/env bash
# Starts the local PostgreSQL 15 cluster and creates the `registre` role and test database.
set -euo pipefail
pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start
for _ in $(seq 1 30); do
  su postgres -c "psql -qtAc 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done
su postgres -c "psql -qtAc \"select 1 from pg_roles where rolname='registre'\"" | grep -q 1 \
  || su postgres -c "psql -qc \"create role registre login createdb password 'registre'\""
su postgres -c "psql -qtAc \"select 1 from pg_database where datname='registre_test'\"" | grep -q 1 \
  || su postgres -c "createdb -O registre registre_test"
su postgres -c "psql -q -d registre_test -c 'create extension if not exists unaccent'" >/dev/null
