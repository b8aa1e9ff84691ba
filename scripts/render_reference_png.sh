#!/usr/bin/env bash
# Regenerate docs/extrait-exemple-page1.png: page 1 of the example's register extract as Registre makes it.
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(mktemp -d)"
.venv/bin/registre render extract src/registre/demo/grand-besancon_2021-10-07_2021-005795.md --out "$out/extrait.pdf"
pdftoppm -r 110 -png -f 1 -l 1 -singlefile "$out/extrait.pdf" docs/extrait-exemple-page1
rm -rf "$out"
echo docs/extrait-exemple-page1.png
