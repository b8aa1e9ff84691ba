"""Who may import whom: every import of every module under src/registre follows the table of
docs/architecture.md, which this test reads (so the document stays true to the code)."""

from __future__ import annotations

import ast
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "registre"
DOC = ROOT / "docs" / "architecture.md"
STDLIB = set(sys.stdlib_module_names)


@dataclass(frozen=True)
class Import:
    module: str  # absolute dotted name, "registre.web.register.models" or "django.db"
    path: Path
    line: int
    in_function: str | None  # the enclosing function's name, None at module level


@dataclass(frozen=True)
class Rule:
    project: frozenset[str]
    libraries: frozenset[str]


def rules() -> dict[str, Rule]:
    """The table under "Who may import whom": package -> what it may import."""
    section = DOC.read_text(encoding="utf-8").split("## Who may import whom", 1)[1]
    table: dict[str, Rule] = {}
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        name = cells[0].strip("`")
        table[name] = Rule(frozenset(re.findall(r"`([\w.]+)`", cells[1])), _libraries(cells[2]))
    web = table["web"]
    for name, rule in table.items():
        if name.startswith("web."):  # an app: also the adapters `web` may use, and its libraries
            adapters = {unit for unit in web.project if not unit.startswith("web")}
            table[name] = Rule(rule.project | adapters, rule.libraries | web.libraries)
    return table


def _libraries(cell: str) -> frozenset[str]:
    return frozenset(re.findall(r"`(\w+)`", cell)) if cell.strip() != "as `web`" else frozenset()


def units() -> set[str]:
    """Every package of src/registre, and each app of the web layer."""
    found = {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    found |= {f"web.{path.parent.name}" for path in (PACKAGE / "web").glob("*/apps.py")}
    return found


def unit_of(module: str) -> str | None:
    """ "registre.web.clerk.views" -> "web.clerk"; "registre.core.tally" -> "core"."""
    parts = module.split(".")
    if parts[0] != "registre" or len(parts) < 2:
        return None
    if parts[1] == "web" and len(parts) > 2 and (PACKAGE / "web" / parts[2] / "apps.py").exists():
        return f"web.{parts[2]}"
    return parts[1]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[Import]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, function: str | None) -> None:
        for child in ast.iter_child_nodes(node):
            inner = child.name if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef)) else function
            if isinstance(child, ast.Import):
                found.extend(Import(alias.name, path, child.lineno, function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    anchor = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(anchor + ([child.module] if child.module else []))
                # "from registre import core" imports registre.core
                names = [f"{base}.{alias.name}" for alias in child.names] if base == "registre" else [base]
                found.extend(Import(name, path, child.lineno, function) for name in names)
            visit(child, inner)

    visit(tree, None)
    return found


def all_imports() -> list[tuple[str, Import]]:
    result = []
    for path in sorted(PACKAGE.rglob("*.py")):
        unit = unit_of(module_name(path))
        if unit is not None:
            result += [(unit, found) for found in imports(path)]
    return result


def test_every_package_and_web_app_has_its_row():
    table = rules()
    assert units() - set(table) == set(), "add these to the table of docs/architecture.md"
    assert set(table) - units() == set(), "these rows of docs/architecture.md name no package"


def test_every_import_follows_the_table():
    table = rules()
    offenders = []
    for unit, found in all_imports():
        target = unit_of(found.module)
        top = found.module.split(".")[0]
        if target is not None:
            allowed = target == unit or target in table[unit].project
        else:
            allowed = top in STDLIB or top == "registre" or top in table[unit].libraries
        if not allowed:
            offenders.append(f"{found.path.relative_to(ROOT)}:{found.line}: {unit} imports {found.module}")
    assert not offenders, "\n".join(offenders)


def test_the_allowed_directions_have_no_cycle():
    graph = {unit: {u for u in rule.project if u != unit} for unit, rule in rules().items()}
    done: set[str] = set()

    def walk(unit: str, path: tuple[str, ...]) -> None:
        assert unit not in path, " → ".join((*path, unit))
        if unit not in done:
            for target in graph.get(unit, ()):
                walk(target, (*path, unit))
            done.add(unit)

    for unit in graph:
        walk(unit, ())


def test_web_apps_import_each_other_at_module_top():
    """A sibling imported inside a function hides a dependency; only AppConfig.ready() may (Django)."""
    offenders = [
        f"{found.path.relative_to(ROOT)}:{found.line}: {found.module} inside {found.in_function}()"
        for unit, found in all_imports()
        if unit.startswith("web.")
        and found.in_function not in (None, "ready")
        and (unit_of(found.module) or "").startswith("web.")
        and unit_of(found.module) != unit
    ]
    assert not offenders, "\n".join(offenders)


def test_the_core_imports_only_the_standard_library_and_itself():
    offenders = [
        f"{found.path.relative_to(ROOT)}:{found.line}: {found.module}"
        for unit, found in all_imports()
        if unit == "core" and unit_of(found.module) != "core" and found.module.split(".")[0] not in STDLIB
    ]
    assert not offenders, "\n".join(offenders)
