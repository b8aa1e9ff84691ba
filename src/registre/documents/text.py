"""The text rendering of the documents (light Markdown, as the example is written).

It says what the PDF says, in the same order; the importer reads it back.
"""

from __future__ import annotations

from .richtext import Block, Run, to_markdown
from .wording import NBSP


def _blocks(data: list[dict]) -> list[Block]:
    blocks = []
    for item in data:

        def runs(raw):
            return [Run(r["t"], r["b"], r["i"], r["s"]) for r in raw]

        if item["kind"] == "table":
            blocks.append(Block("table", rows=[[runs(c) for c in row] for row in item["rows"]]))
        else:
            blocks.append(Block(item["kind"], runs(item["runs"]), item["level"], item["ordered"]))
    return blocks


def rich(data: list[dict]) -> str:
    return to_markdown(_blocks(data))


def _header(view: dict) -> list[str]:
    out = [
        f"**{view['authority']}**",
        f"## {view['document_title']}",
        f"### {view['meeting_heading']}",
        view["members_in_office"],
        view["opening"],
        view["order_of_passage"],
    ]
    if view["times"]:
        out.append(view["times"])
    return out


def _attendance(view: dict) -> list[str]:
    out = []
    for side, label in (("present", "Étaient présents"), ("absent", "Étaient absents")):
        if not view[side]:
            continue
        out.append(f"#### {label}{NBSP}:")
        groups = []
        for group in view[side]:
            people = ", ".join(p["label"] for p in group["people"])
            groups.append(f"**{group['commune']}{NBSP}:** {people}" if group["commune"] else people)
        out.append(" ; ".join(groups))
    if view["secretary"]:
        out.append(f"**Secrétaire de séance{NBSP}:** {view['secretary']}")
    if view["proxies"]:
        out.append(f"#### Procurations de vote{NBSP}:")
        out.append(", ".join(p["label"] for p in view["proxies"]))
    return out


def _figures(rows: list[list[str]]) -> list[str]:
    return [f"{label}{NBSP}: {value}" for label, value in rows]


def extract_text(view: dict) -> str:
    d = view["deliberation"]
    out = _header(view) + _attendance(view)
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


def list_text(view: dict) -> str:
    out = [
        f"**{view['authority']}**",
        f"## {view['document_title']}",
        f"### {view['meeting_heading']}",
        view["members_in_office"],
    ]
    out.append("N° de délibération\tQuestion\tObjet\tRésultat")
    out.append(
        "\n".join(f"{r['number'] or '-'}\t{r['item']}\t{r['title']}\t{r['outcome']}" for r in view["rows"])
    )
    out.append(view["posting"])
    sign = view["signatory"]
    out.append(
        "  \n".join(
            x
            for x in (sign["capacity"] + ("," if sign["capacity"] else ""), sign["name"], sign["title"])
            if x
        )
    )
    return "\n\n".join(out) + "\n"


def minutes_text(view: dict) -> str:
    out = _header(view) + _attendance(view)
    if view["opening_quorum"]:
        out.append(view["opening_quorum"])
    for item in view["items"]:
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
    if view["closing"]:
        out.append(view["closing"])
    if view["adopted"]:
        out.append(view["adopted"])
    for sign in view["signatures"]:
        out.append(f"{sign['capacity']},  \n{sign['name']}")
    return "\n\n".join(out) + "\n"


RENDERERS = {"extract": extract_text, "list": list_text, "minutes": minutes_text}
