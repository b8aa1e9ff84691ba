#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/debian-packages.txt when run as
# root and one of them is missing. As another user, says what to install.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
mapfile -t wanted < <(grep -v '^\s*#' "$here/debian-packages.txt" | grep -v '^\s*$')
missing=()
for package in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "Paquets Debian manquants (à installer en root) : ${missing[*]}" >&2
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "apt-get absent : installez ${missing[*]}" >&2
  exit 0
fi
echo "Installation des paquets Debian : ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
