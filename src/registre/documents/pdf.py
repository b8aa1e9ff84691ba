"""PDF through Typst: PDF/A-2b, tagged (accessible), from the templates and a composition."""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from typing import Any, Literal

import typst

from .model import Composition
from .templates import TemplatesDir, logo_name, typst_root

PDF_STANDARD: Literal["a-2b"] = "a-2b"

_compilers: dict[str, typst.Compiler] = {}
_lock = threading.Lock()


def _compiler(root: Path) -> typst.Compiler:
    key = str(root)
    with _lock:
        compiler = _compilers.get(key)
        if compiler is None:
            # the fonts Typst embeds (Libertinus Serif…) and the authority's own: the same output everywhere
            compiler = typst.Compiler(root=key, font_paths=[key], ignore_system_fonts=True)
            _compilers[key] = compiler
        return compiler


def typographic(value: Any) -> Any:
    """Straight apostrophes to typographic ones in every string of a composition."""
    if isinstance(value, str):
        return value.replace("'", "’")
    if isinstance(value, list):
        return [typographic(v) for v in value]
    if isinstance(value, dict):
        return {k: typographic(v) for k, v in value.items()}
    return value


def render_pdf(
    kind: str,
    composed: Composition,
    *,
    templates_dir: TemplatesDir = None,
    archival: bool = True,
    timestamp: dt.datetime | None = None,
) -> bytes:
    """One document as PDF bytes; ``archival``: PDF/A-2b (tagged in every case)."""
    root = typst_root(templates_dir)
    data = typographic(dict(composed))
    data.setdefault("running_title", composed.get("pdf_title", ""))
    logo = logo_name(root)
    if logo:
        data["logo"] = logo
    compiler = _compiler(root)
    stamp = timestamp or dt.datetime.now(dt.UTC).replace(microsecond=0)
    with _lock:
        pdf = compiler.compile(
            input=str(root / f"{kind}.typ"),
            format="pdf",
            sys_inputs={"data": json.dumps(data, ensure_ascii=False)},
            pdf_standards=[PDF_STANDARD] if archival else [],
            pdf_tags=True,
            timestamp=stamp,
        )
    assert isinstance(pdf, bytes)  # one PDF file (a list comes only from image formats)
    return pdf
