"""Light Markdown, as extracts are written, into blocks the renderers lay out. Pure Python.

Blocks: headings ("#"), paragraphs, list items ("- ", "* ", "✓ ", "1. "), table rows (tab
separated, a run of rows makes a table). Inline: **bold**, *italics*, <b>…</b>, <i>…</i>,
<sup>…</sup>, "\\*" for a literal star. Every text run goes through French typography.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from .wording import typeset


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    sup: bool = False


@dataclass
class Block:
    kind: str  # heading, paragraph, item, table
    runs: list[Run] = field(default_factory=list)
    level: int = 0  # heading level, or list nesting
    ordered: str = ""  # "1." for a numbered item
    rows: list[list[list[Run]]] = field(default_factory=list)  # table: rows of cells of runs

    def plain(self) -> str:
        if self.kind == "table":
            return "\n".join("\t".join(plain(cell) for cell in row) for row in self.rows)
        return plain(self.runs)


def plain(runs: list[Run]) -> str:
    return "".join(r.text for r in runs)


_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")
_ITEM = re.compile(r"^(\s*)(?:[-*•✓]\s+|(\d{1,2}[.)])\s+)(.*)$")
_TOKEN = re.compile(r"(\\\*|\*\*|\*|</?b>|</?strong>|</?i>|</?em>|</?sup>|<br\s*/?>|<[^<>\n]{1,20}>)", re.I)


def parse(text: str) -> list[Block]:
    blocks: list[Block] = []
    paragraph: list[str] = []
    table: list[str] = []

    def flush() -> None:
        if paragraph:
            runs = inline(" ".join(line.strip() for line in paragraph))
            if plain(runs).strip():
                blocks.append(Block("paragraph", runs))
            paragraph.clear()
        if table:
            rows = [[inline(cell.strip()) for cell in line.split("\t")] for line in table]
            width = max(len(r) for r in rows)
            rows = [r + [[] for _ in range(width - len(r))] for r in rows]
            if width > 1 or len(rows) > 1:
                blocks.append(Block("table", rows=rows))
            else:
                blocks.append(Block("paragraph", rows[0][0]))
            table.clear()

    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.rstrip()
        if not line.strip():
            flush()
            continue
        if "\t" in line and line.strip("\t ").strip():
            if paragraph:
                flush()
            table.append(line.strip("\n"))
            continue
        if table:
            flush()
        heading = _HEADING.match(line.strip())
        if heading:
            flush()
            blocks.append(Block("heading", inline(heading.group(2).strip()), level=len(heading.group(1))))
            continue
        item = _ITEM.match(line)
        if item and not line.lstrip().startswith("**"):
            flush()
            level = len(item.group(1).replace("\t", "  ")) // 2
            blocks.append(
                Block("item", inline(item.group(3).strip()), level=level, ordered=item.group(2) or "")
            )
            continue
        paragraph.append(line)
    flush()
    return blocks


def inline(text: str) -> list[Run]:
    runs: list[Run] = []
    bold = italic = sup = False
    for piece in _TOKEN.split(text):
        if not piece:
            continue
        token = piece.lower()
        if piece == "\\*":
            runs.append(Run("*", bold, italic, sup))
        elif piece == "**" or token in ("<b>", "</b>", "<strong>", "</strong>"):
            bold = not bold if piece == "**" else not token.startswith("</")
        elif piece == "*" or token in ("<i>", "</i>", "<em>", "</em>"):
            italic = not italic if piece == "*" else not token.startswith("</")
        elif token in ("<sup>", "</sup>"):
            sup = token == "<sup>"
        elif token.startswith("<br"):
            runs.append(Run(" ", bold, italic, sup))
        elif token.startswith("<") and token.endswith(">"):
            continue  # other markup: dropped
        else:
            runs.append(Run(typeset(piece), bold, italic, sup))
    return _merge(runs)


def _merge(runs: list[Run]) -> list[Run]:
    merged: list[Run] = []
    for run in runs:
        if merged and (merged[-1].bold, merged[-1].italic, merged[-1].sup) == (run.bold, run.italic, run.sup):
            merged[-1] = Run(merged[-1].text + run.text, run.bold, run.italic, run.sup)
        else:
            merged.append(run)
    return merged


def as_json(blocks: list[Block]) -> list[dict[str, Any]]:
    """Blocks as plain data (for the Typst templates)."""

    def runs_json(runs: list[Run]) -> list[dict[str, Any]]:
        return [{"t": r.text, "b": r.bold, "i": r.italic, "s": r.sup} for r in runs]

    out: list[dict[str, Any]] = []
    for block in blocks:
        if block.kind == "table":
            out.append({"kind": "table", "rows": [[runs_json(c) for c in row] for row in block.rows]})
        else:
            out.append(
                {
                    "kind": block.kind,
                    "runs": runs_json(block.runs),
                    "level": block.level,
                    "ordered": block.ordered,
                }
            )
    return out


def to_markdown(blocks: list[Block]) -> str:
    """Blocks back to light Markdown (the text rendering)."""

    def md(runs: list[Run]) -> str:
        out = []
        for r in runs:
            text = r.text.replace("*", "\\*")
            if r.sup:
                text = f"<sup>{text}</sup>"
            if r.italic and text.strip():
                text = f"*{text}*"
            if r.bold and text.strip():
                text = f"**{text}**"
            out.append(text)
        return "".join(out)

    parts = []
    for block in blocks:
        if block.kind == "heading":
            parts.append("#" * min(6, block.level + 2) + " " + md(block.runs))
        elif block.kind == "item":
            parts.append("  " * block.level + (block.ordered or "-") + " " + md(block.runs))
        elif block.kind == "table":
            parts.append("\n".join("\t".join(md(c) for c in row) for row in block.rows))
        else:
            parts.append(md(block.runs))
    return "\n\n".join(parts)
