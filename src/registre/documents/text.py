"""The text rendering of the documents (light Markdown, as the example is written).

It says what the PDF says, in the same order; the importer reads it back.
"""

from __future__ import annotations

from .model import Composition
from .richtext import Block, Run, to_markdown
from .wording import NBSP


def _blocks(data: list[Composition]) -> list[Block]:
    def runs(raw: list[Composition]) -> list[Run]:
        return [Run(r["t"], r["b"], r["i"], r["s"]) for r in raw]

    blocks = []
    for item in data:
        if item["kind"] == "table":
            blocks.append(Block("table", rows=[[runs(c) for c in row] for row in item["rows"]]))
        else:
            blocks.append(Block(item["kind"], runs(item["runs"]), item["level"], item["ordered"]))
    return blocks


def rich(data: list[Composition]) -> str:
    return to_markdown(_blocks(data))


def _header(composed: Composition) -> list[str]:
    out = [
        f"**{composed['authority']}**",
        f"## {composed['document_title']}",
        f"### {composed['meeting_heading']}",
        composed["members_in_office"],
        composed["opening"],
        composed["order_of_passage"],
    ]
    if composed["times"]:
        out.append(composed["times"])
    return out


def _attendance(composed: Composition) -> list[str]:
    out = []
    for side, label in (("present", "Étaient présents"), ("absent", "Étaient absents")):
        if not composed[side]:
            continue
        out.append(f"#### {label}{NBSP}:")
        groups = []
        for group in composed[side]:
            people = ", ".join(p["label"] for p in group["people"])
            groups.append(f"**{group['commune']}{NBSP}:** {people}" if group["commune"] else people)
        out.append(" ; ".join(groups))
    if composed["secretary"]:
        out.append(f"**Secrétaire de séance{NBSP}:** {composed['secretary']}")
    if composed["proxies"]:
        out.append(f"#### Procurations de vote{NBSP}:")
        out.append(", ".join(p["label"] for p in composed["proxies"]))
    return out


def _figures(rows: list[list[str]]) -> list[str]:
    return [f"{label}{NBSP}: {value}" for label, value in rows]


def extract_text(composed: Composition) -> str:
    d = composed["deliberation"]
    out = _header(composed) + _attendance(composed)
    out.append(d["number_line"])
    out.append(f"## {d['item_line']}")
    if d["rapporteur"]:
        out.append(f"**Rapporteur{NBSP}:** {d['rapporteur']}.")
    if d["committee"]:
        out.append(f"**Commission{NBSP}:** {d['committee']}")
    if d["budget_line"] or d["budget_amounts"]:
        out.append(f"Inscription budgétaire{NBSP}: {d['budget_line']}")
        if d["budget_amounts"]:
            out.append("  \n".join(d["budget_amounts"]))
    if d["text"]:
        out.append(rich(d["text"]))
    if d["interested"]:
        out.append(d["interested"])
    out.append(f"**{d['decision_intro']}**")
    if d["decision"]:
        out.append(rich(d["decision"]))
    out.append(f"**{d['figures_heading']}**")
    out.append("\n".join(_figures(d["figures"])))
    sign = d["signatory"]
    out.append("Pour extrait conforme,")
    out.append(
        "  \n".join(
            x
            for x in (sign["capacity"] + ("," if sign["capacity"] else ""), sign["name"], sign["title"])
            if x
        )
    )
    out += d["mentions"]
    if d["annexes"]:
        out.append("## Annexe")
        out.append(f"*Jointe à l'extrait {d['number']}*")
        out.append(rich(d["annexes"]))
    return "\n\n".join(out) + "\n"


def list_text(composed: Composition) -> str:
    out = [
        f"**{composed['authority']}**",
        f"## {composed['document_title']}",
        f"### {composed['meeting_heading']}",
        composed["members_in_office"],
    ]
    out.append("N° de délibération\tQuestion\tObjet\tRésultat")
    out.append(
        "\n".join(
            f"{r['number'] or '-'}\t{r['item']}\t{r['title']}\t{r['outcome']}" for r in composed["rows"]
        )
    )
    out.append(composed["posting"])
    sign = composed["signatory"]
    out.append(
        "  \n".join(
            x
            for x in (sign["capacity"] + ("," if sign["capacity"] else ""), sign["name"], sign["title"])
            if x
        )
    )
    return "\n\n".join(out) + "\n"


def minutes_text(composed: Composition) -> str:
    out = _header(composed) + _attendance(composed)
    if composed["opening_quorum"]:
        out.append(composed["opening_quorum"])
    for item in composed["items"]:
        if item["number_line"]:
            out.append(item["number_line"])
        out.append(f"### {item['heading']}")
        out += item["changes"]
        if item["rapporteur"]:
            out.append(f"**Rapporteur{NBSP}:** {item['rapporteur']}.")
        if item["debate"]:
            out.append(rich(item["debate"]))
        if item["interested"]:
            out.append(item["interested"])
        if item["decision_intro"]:
            out.append(f"**{item['decision_intro']}**")
        if item["decision"]:
            out.append(rich(item["decision"]))
        out.append(item["outcome"])
        out.append(item["figures_line"])
        if item["roll_call"]:
            out.append("Ont voté : " + " ; ".join(item["roll_call"]) + ".")
    if composed["closing"]:
        out.append(composed["closing"])
    if composed["adopted"]:
        out.append(composed["adopted"])
    for sign in composed["signatures"]:
        out.append(f"{sign['capacity']},  \n{sign['name']}")
    return "\n\n".join(out) + "\n"


RENDERERS = {"extract": extract_text, "list": list_text, "minutes": minutes_text}
