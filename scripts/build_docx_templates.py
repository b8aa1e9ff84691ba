"""Build the default DOCX templates of the register's documents (docxtpl / Jinja tags).

    .venv/bin/python scripts/build_docx_templates.py

Writes src/registre/documents/templates/{extract,list,minutes}.docx. A clerk edits
these in LibreOffice or Word (header, logo, wording) and an authority puts its copies in
its templates folder (REGISTRE_TEMPLATES_DIR); the tags between {{ }} and {% %} are
filled by Registre: every figure comes from the rules core.
"""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "src" / "registre" / "documents" / "templates"


def base(title: str) -> Document:
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin, section.bottom_margin = Cm(2), Cm(2)
    normal = doc.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(10.5)
    normal.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    normal.paragraph_format.space_after = Pt(4)
    for name in ("Heading 1", "Heading 2", "Heading 3", "Title"):
        doc.styles[name].font.name = "Times New Roman"
        doc.styles[name].font.color.rgb = RGBColor(0, 0, 0)  # administrative documents: black headings
    doc.core_properties.title = title
    doc.core_properties.language = "fr-FR"
    _language(doc)
    _footer(doc)
    return doc


def _language(doc: Document) -> None:
    rpr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "fr-FR")
    rpr.append(lang)


def _field(paragraph, instruction: str) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _footer(doc: Document) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    paragraph.add_run("{{ meeting_heading }} — Page ")
    _field(paragraph, "PAGE")
    paragraph.add_run(" sur ")
    _field(paragraph, "NUMPAGES")
    header = doc.sections[0].header.paragraphs[0]
    header.add_run("{{ authority }} — {{ running_title }}").font.size = Pt(8.5)


def p(doc, text="", style=None, bold=False, align=None):
    paragraph = doc.add_paragraph(style=style)
    if text:
        run = paragraph.add_run(text)
        run.bold = bold
    if align:
        paragraph.alignment = align
    return paragraph


def labelled(doc, label: str, value: str):
    paragraph = doc.add_paragraph()
    paragraph.add_run(label).bold = True
    paragraph.add_run(value)
    return paragraph


def header(doc) -> None:
    p(doc, "{{ authority }}", bold=True)
    doc.add_heading("{{ document_title }}", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    p(doc, "{{ meeting_heading }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p(doc, "{{ members_in_office }}")
    p(doc, "{{ opening }}")
    p(doc, "{{ order_of_passage }}")
    p(doc, "{%p if times %}")
    p(doc, "{{ times }}")
    p(doc, "{%p endif %}")


def lists(doc) -> None:
    p(doc, "{%p if present %}")
    doc.add_heading("Étaient présents\u00a0:", level=3)
    p(doc, "{{r present_rich }}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if absent %}")
    doc.add_heading("Étaient absents\u00a0:", level=3)
    p(doc, "{{r absent_rich }}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if secretary %}")
    labelled(doc, "Secrétaire de séance\u00a0: ", "{{ secretary }}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if proxies %}")
    doc.add_heading("Procurations de vote\u00a0:", level=3)
    p(doc, "{{ proxies_text }}")
    p(doc, "{%p endif %}")


def extract() -> Document:
    doc = base("Extrait du registre des délibérations")
    header(doc)
    lists(doc)
    p(doc, "{{ d.number_line }}", bold=True)
    doc.add_heading("{{ d.item_line }}", level=2)
    p(doc, "{%p if d.rapporteur %}")
    labelled(doc, "Rapporteur\u00a0: ", "{{ d.rapporteur }}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if d.committee %}")
    labelled(doc, "Commission\u00a0: ", "{{ d.committee }}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if d.budget_line %}")
    labelled(doc, "Inscription budgétaire\u00a0: ", "{{ d.budget_line }}")
    p(doc, "{%p endif %}")
    p(doc, "{%p for a in d.budget_amounts %}")
    p(doc, "{{ a }}")
    p(doc, "{%p endfor %}")
    p(doc, "{{r text_doc }}")
    p(doc, "{%p if d.interested %}")
    p(doc, "{{ d.interested }}")
    p(doc, "{%p endif %}")
    p(doc, "{{ d.decision_intro }}", bold=True)
    p(doc, "{{r decision_doc }}")
    p(doc, "{{ d.figures_heading }}", bold=True)
    p(doc, "{%p for row in d.figures %}")
    p(doc, "{{ row[0] }}\u00a0: {{ row[1] }}")
    p(doc, "{%p endfor %}")
    p(doc, "Pour extrait conforme,", align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{%p if d.signatory.capacity %}")
    p(doc, "{{ d.signatory.capacity }},", align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{%p endif %}")
    p(doc, "{{ d.signatory.name }}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ d.signatory.title }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{%p for m in d.mentions %}")
    p(doc, "{{ m }}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p if d.annexes %}")
    doc.add_heading("Annexe", level=2)
    p(doc, "Jointe à l’extrait {{ d.number }}")
    p(doc, "{{r annexes_doc }}")
    p(doc, "{%p endif %}")
    return doc


def deliberation_list() -> Document:
    doc = base("Liste des délibérations")
    p(doc, "{{ authority }}", bold=True)
    doc.add_heading("{{ document_title }}", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    p(doc, "{{ meeting_heading }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p(doc, "{{ members_in_office }}")
    table = doc.add_table(rows=3, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(
        table.rows[0].cells, ("N° de délibération", "Question", "Objet", "Résultat"), strict=False
    ):
        cell.paragraphs[0].add_run(label).bold = True
    table.rows[1].cells[0].paragraphs[0].add_run("{%tr for r in rows %}")
    for cell, tag in zip(
        table.rows[2].cells,
        ("{{ r.number }}", "{{ r.item }}", "{{ r.title }}", "{{ r.outcome }}"),
        strict=False,
    ):
        cell.paragraphs[0].add_run(tag)
    row = table.add_row()
    row.cells[0].paragraphs[0].add_run("{%tr endfor %}")
    p(doc, "{{ posting }}")
    p(doc, "{{ signatory.capacity }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ signatory.name }}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ signatory.title }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    return doc


def minutes() -> Document:
    doc = base("Procès-verbal")
    header(doc)
    lists(doc)
    p(doc, "{{ opening_quorum }}")
    p(doc, "{%p for it in items %}")
    p(doc, "{%p if it.number_line %}")
    p(doc, "{{ it.number_line }}", bold=True)
    p(doc, "{%p endif %}")
    doc.add_heading("{{ it.heading }}", level=2)
    p(doc, "{%p for c in it.changes %}")
    p(doc, "{{ c }}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p if it.rapporteur %}")
    labelled(doc, "Rapporteur\u00a0: ", "{{ it.rapporteur }}")
    p(doc, "{%p endif %}")
    p(doc, "{{r it.debate_doc }}")
    p(doc, "{%p if it.interested %}")
    p(doc, "{{ it.interested }}")
    p(doc, "{%p endif %}")
    p(doc, "{{ it.decision_intro }}", bold=True)
    p(doc, "{{r it.decision_doc }}")
    p(doc, "{{ it.outcome }}")
    p(doc, "{{ it.figures_line }}")
    p(doc, "{%p endfor %}")
    p(doc, "{{ closing }}")
    p(doc, "{{ adopted }}")
    p(doc, "{%p for s in signatures %}")
    p(doc, "{{ s.capacity }},", align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ s.name }}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{%p endfor %}")
    return doc


def agreement() -> Document:
    doc = base("Convention de subvention")
    p(doc, "{{ authority }}", bold=True)
    doc.add_heading("{{ title|upper }}", level=1).alignment = WD_ALIGN_PARAGRAPH.CENTER
    p(doc, "{{ subtitle }}", bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
    p(doc, "Entre")
    p(doc, "{{ grantor }}")
    p(doc, "Et")
    p(doc, "{{ beneficiary }}")
    p(doc, "{%p for v in visas %}")
    p(doc, "{{ v }}")
    p(doc, "{%p endfor %}")
    p(doc, "Il est convenu ce qui suit\u00a0:", bold=True)
    p(doc, "{%p for a in articles %}")
    doc.add_heading("{{ a.heading }}", level=3)
    p(doc, "{%p for x in a.paragraphs %}")
    p(doc, "{{ x }}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p for i in a.points %}")
    p(doc, "{{ i }}", style="List Bullet")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{{ done }}")
    p(doc, "{%p for s in signatures %}")
    p(doc, "{{ s.capacity }}", align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{{ s.name }}", bold=True, align=WD_ALIGN_PARAGRAPH.RIGHT)
    p(doc, "{%p endfor %}")
    p(doc, "{%p if programme %}")
    doc.add_heading("Annexe 1\u00a0: programme d’actions", level=2)
    p(doc, "{%p for g in programme %}")
    doc.add_heading("{{ g.heading }}", level=3)
    p(doc, "{%p for sec in g.sections %}")
    p(doc, "{{ sec.title }}", bold=True)
    p(doc, "{%p for o in sec.objectives %}")
    p(doc, "{{ o.text }}{% if o.target %} (cible\u00a0: {{ o.target }}){% endif %}", style="List Bullet")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if budget %}")
    doc.add_heading("Annexe 2\u00a0: budget prévisionnel", level=2)
    doc.add_heading("Dépenses prévisionnelles", level=3)
    p(doc, "{%p for r in budget.expenses %}")
    p(doc, "{{ r[0] }}\t{{ r[1] }}")
    p(doc, "{%p endfor %}")
    p(doc, "Total des dépenses\t{{ budget.total_expenses }}", bold=True)
    doc.add_heading("Recettes prévisionnelles", level=3)
    p(doc, "{%p for r in budget.public %}")
    p(doc, "{{ r[0] }}\t{{ r[1] }}")
    p(doc, "{%p endfor %}")
    p(doc, "Total financement public\t{{ budget.total_public }}", bold=True)
    p(doc, "{%p for r in budget.private %}")
    p(doc, "{{ r[0] }}\t{{ r[1] }}")
    p(doc, "{%p endfor %}")
    p(doc, "Total financement privé\t{{ budget.total_private }}", bold=True)
    p(doc, "Total des recettes\t{{ budget.total_revenues }}", bold=True)
    p(doc, "{%p for sh in budget.shares %}")
    p(doc, "{{ sh[0] }}\u00a0: {{ sh[1] }}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endif %}")
    p(doc, "{%p if indicators %}")
    doc.add_heading("Annexe 3\u00a0: indicateurs territoriaux", level=2)
    p(doc, "{%p for g in indicators %}")
    p(doc, "{{ g.scope }}", bold=True)
    p(doc, "{%p for l in g.labels %}")
    p(doc, "{{ l }}", style="List Bullet")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endfor %}")
    p(doc, "{%p endif %}")
    return doc


def main() -> None:
    for name, build in (
        ("extract", extract),
        ("list", deliberation_list),
        ("minutes", minutes),
        ("agreement", agreement),
    ):
        path = OUT / f"{name}.docx"
        build().save(path)
        print(path)


if __name__ == "__main__":
    main()
