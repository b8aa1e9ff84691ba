"""The rules core stays pure: no framework, no adapter, no I/O library."""

import ast
import sys
from pathlib import Path

CORE = Path(__file__).resolve().parent.parent / "src" / "registre" / "core"
ALLOWED = set(sys.stdlib_module_names) | {"registre"}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            yield node.module


def test_core_imports_only_the_standard_library_and_itself():
    offenders = []
    for path in CORE.rglob("*.py"):
        for name in _imports(path):
            top = name.split(".")[0]
            if top not in ALLOWED or (top == "registre" and not name.startswith("registre.core")):
                offenders.append(f"{path.name}: {name}")
    assert offenders == []
