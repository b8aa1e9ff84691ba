"""Where templates come from: the defaults shipped with Registre, replaced file by file by an
authority's own folder (``REGISTRE_TEMPLATES_DIR`` or an explicit ``templates_dir``).

An authority's folder may hold any of ``common.typ``, ``extract.typ``, ``list.typ``,
``minutes.typ``, ``extract.docx``, ``list.docx``, ``minutes.docx``, a ``logo.png`` /
``logo.svg`` / ``logo.jpg``, and fonts (``*.ttf``, ``*.otf``). Files it does not hold are
taken from the defaults.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path

DEFAULTS = Path(__file__).with_name("templates")
ENV_VAR = "REGISTRE_TEMPLATES_DIR"
LOGOS = ("logo.svg", "logo.png", "logo.jpg", "logo.jpeg")

_merged: dict[tuple[str, tuple[tuple[str, int, int], ...]], Path] = {}
TemplatesDir = str | os.PathLike[str] | None


def override_dir(templates_dir: TemplatesDir = None) -> Path | None:
    chosen = templates_dir if templates_dir is not None else os.environ.get(ENV_VAR) or None
    if chosen is None:
        return None
    path = Path(chosen)
    if not path.is_dir():
        raise FileNotFoundError(f"dossier de modèles introuvable : {path}")
    return path


def template_file(name: str, templates_dir: TemplatesDir = None) -> Path:
    """The authority's file if it has one, else the default."""
    custom = override_dir(templates_dir)
    if custom is not None and (custom / name).is_file():
        return custom / name
    return DEFAULTS / name


def typst_root(templates_dir: TemplatesDir = None) -> Path:
    """A folder holding the defaults overlaid with the authority's files (Typst imports resolve in it).

    Without an authority folder this is the shipped folder itself; with one, a merged copy is made
    once per content of that folder and reused.
    """
    custom = override_dir(templates_dir)
    if custom is None:
        return DEFAULTS
    files = sorted(p for p in custom.rglob("*") if p.is_file())
    signature = tuple((str(p.relative_to(custom)), p.stat().st_mtime_ns, p.stat().st_size) for p in files)
    key = (str(custom.resolve()), signature)
    merged = _merged.get(key)
    if merged is not None and merged.is_dir():
        return merged
    content = hashlib.sha256()
    for source in [*sorted(p for p in DEFAULTS.iterdir() if p.is_file()), *files]:
        content.update(source.name.encode() + b"\0" + source.read_bytes())
    digest = content.hexdigest()[
        :16
    ]  # same content, same folder: nothing piles up in the temporary directory
    merged = Path(tempfile.gettempdir()) / f"registre-templates-{digest}"
    if not merged.is_dir():
        staging = Path(tempfile.mkdtemp(prefix="registre-templates-"))
        for source in DEFAULTS.iterdir():
            if source.is_file():
                shutil.copy2(source, staging / source.name)
        for source in files:
            target = staging / source.relative_to(custom)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
        try:
            staging.rename(merged)
        except OSError:  # another process made it first
            shutil.rmtree(staging, ignore_errors=True)
    _merged[key] = merged
    return merged


def logo_name(root: Path) -> str | None:
    for name in LOGOS:
        if (root / name).is_file():
            return name
    return None
