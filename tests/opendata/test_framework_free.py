"""registre.opendata stays framework-free: the core, the standard library and its file-format libraries."""

import ast
import sys
from pathlib import Path

OPENDATA = Path(__file__).resolve().parents[2] / "src" / "registre" / "opendata"
ALLOWED = set(sys.stdlib_module_names) | {"frictionless", "stdnum", "charset_normalizer"}


def test_opendata_imports_no_framework_and_no_other_adapter():
    offenders = []
    for path in OPENDATA.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else (
                    [node.module]
                    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module
                    else []
                )
            )
            for name in names:
                top = name.split(".")[0]
                if top == "registre":
                    if not name.startswith(("registre.core", "registre.opendata")):
                        offenders.append(f"{path.name}: {name}")
                elif top not in ALLOWED:
                    offenders.append(f"{path.name}: {name}")
    assert offenders == []
