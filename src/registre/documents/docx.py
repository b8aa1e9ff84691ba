"""Editable documents (DOCX) through docxtpl templates a clerk edits in LibreOffice or Word."""

from __future__ import annotations

import io

from docxtpl import DocxTemplate, RichText

from .model import Composition
from .pdf import typographic
from .templates import TemplatesDir, template_file


def _rich(blocks: list[Composition]) -> RichText:
    """Blocks as one RichText: "\\a" starts a paragraph (docxtpl), headings bold and larger, "•" lists.

    (docxtpl's sub-documents would need docxcompose, which the project does not install.)
    """
    rich = RichText()
    for index, block in enumerate(blocks):
        if index:
            rich.add("\a")
        if block["kind"] == "table":
            for number, row in enumerate(block["rows"]):
                if number:
                    rich.add("\n")
                for column, cell in enumerate(row):
                    if column:
                        rich.add("\t")
                    _runs(rich, cell)
            continue
        if block["kind"] == "heading":
            _runs(rich, block["runs"], bold=True, size=24 if block["level"] <= 1 else 22)
            continue
        if block["kind"] == "item":
            rich.add("\u00a0" * 4 * block["level"] + (block["ordered"] or "•") + "\u00a0")
        _runs(rich, block["runs"])
    return rich


def _runs(rich: RichText, runs: list[Composition], bold: bool = False, size: int | None = None) -> None:
    for raw in runs:
        rich.add(raw["t"], bold=raw["b"] or bold, italic=raw["i"], superscript=raw["s"], size=size)


def _attendance(groups: list[Composition]) -> RichText:
    rich = RichText()
    for index, group in enumerate(groups):
        if index:
            rich.add(" ; ")
        if group["commune"]:
            rich.add(group["commune"] + "\u00a0: ", bold=True)
        rich.add(", ".join(p["label"] for p in group["people"]))
    return rich


def render_docx(kind: str, composed: Composition, *, templates_dir: TemplatesDir = None) -> bytes:
    template = DocxTemplate(str(template_file(f"{kind}.docx", templates_dir)))
    data = typographic(dict(composed))
    data.setdefault("running_title", composed.get("pdf_title", ""))
    context = dict(data)
    if "present" in data:
        context["present_rich"] = _attendance(data["present"])
        context["absent_rich"] = _attendance(data["absent"])
        context["proxies_text"] = ", ".join(p["label"] for p in data["proxies"])
    if kind == "extract":
        d = data["deliberation"]
        context["d"] = d
        context["text_doc"] = _rich(d["text"])
        context["decision_doc"] = _rich(d["decision"])
        context["annexes_doc"] = _rich(d["annexes"])
    if kind == "minutes":
        context["items"] = [
            dict(it, debate_doc=_rich(it["debate"]), decision_doc=_rich(it["decision"]))
            for it in data["items"]
        ]
    template.render(context, autoescape=True)
    out = io.BytesIO()
    template.save(out)
    return out.getvalue()
