"""The example's extract rendered to PDF: every name, window, proxy and figure of the original,
in the same order; PDF/A-2b, tagged; pages numbered; nothing overflows; it reads back."""

from __future__ import annotations

import re
import subprocess

from pypdf import PdfReader

from registre.documents.imported import record_from_path
from registre.documents.wording import member_name, window_phrase

from .conftest import normalize, pdftotext


def _in_order(text: str, needles: list[str]) -> None:
    cursor = 0
    for needle in needles:
        found = text.find(needle, cursor)
        assert found >= 0, f"absent ou hors d'ordre : {needle!r} (après la position {cursor})"
        cursor = found + len(needle)


def _labels(meeting, present: bool) -> list[str]:
    labels = []
    for line in meeting.attendance:
        if line.present is not present:
            continue
        member = meeting.member(line.member)
        label = member_name(member)
        if member.substitute:
            label += " (suppléante)" if member.civility == "Mme" else " (suppléant)"
        if not line.window.is_whole_meeting:
            label += " " + window_phrase(line.window)
        labels.append(normalize(label))
    return labels


def test_every_name_and_window_in_the_same_order(example_record, extract_pdf_text):
    text = normalize(extract_pdf_text)
    meeting = example_record.meeting
    present, absent = _labels(meeting, True), _labels(meeting, False)
    assert (len(present), len(absent)) == (94, 36)
    _in_order(text, ["Étaient présents :"] + present + ["Étaient absents :"] + absent)
    assert "M. Kévin BERTAGNOLI (à compter de la question n° 9)" in text
    assert "M. Kévin BERTAGNOLI (jusqu'à la question n° 8 incluse)" in text
    assert "M. Michel GABRIEL (suppléant)" in text
    assert "Mme Annette GIRARDCLOS (suppléante)" in text
    assert "M. Benoît VUILLEMIN (jusqu'à la question n° 7)" in text  # the source's bare "jusqu'à", kept


def test_communes_group_the_names(extract_pdf_text):
    text = normalize(extract_pdf_text)
    assert (
        "Audeux : Mme Françoise GALLIOU ; Avanne-Aveney : Mme Marie-Jeanne BERNABEU ; Besançon : Mme Elise AEBISCHER"
        in text
    )
    assert "Saint-Vit : Mme Anne BIHR, M. Pascal ROUTHIER" in text


def test_every_proxy_with_its_window_in_order(example_record, extract_pdf_text):
    text = normalize(extract_pdf_text)
    meeting = example_record.meeting
    proxies = []
    for proxy in meeting.proxies:
        label = (
            f"{member_name(meeting.member(proxy.principal))} à {member_name(meeting.member(proxy.holder))}"
        )
        if not proxy.window.is_whole_meeting:
            label += " " + window_phrase(proxy.window)
        proxies.append(normalize(label))
    assert len(proxies) == 22
    _in_order(text, ["Procurations de vote :"] + proxies)
    assert "M. Jean-Hugues ROUX à Mme Juliette SORLIN (à compter de la question n° 2)" in text


def test_header_and_deliberation_fields_in_order(extract_pdf_text):
    text = normalize(extract_pdf_text)
    _in_order(
        text,
        [
            "Grand Besançon Métropole",
            "Extrait du registre des délibérations du Conseil communautaire",
            "Séance du 7 octobre 2021",
            "Conseillers communautaires en exercice : 123",
            "s'est réuni à la Chambre de commerce et d'industrie du Doubs, 46 avenue Villarceau, 25 000 Besançon, "
            "sous la présidence de Mme Anne VIGNOT, Présidente de Grand Besançon Métropole.",
            "Ordre de passage des rapports : 1, 2, 3",
            "La séance est ouverte à 18h38 et levée à 21h53.",
            "Étaient présents",
            "Secrétaire de séance : Mme Françoise PRESSE",
            "Procurations de vote",
            "Délibération n° 2021/005795",
            "Rapport n° 19 - Actions recherche et innovation- soutien au fonctionnement du pôle des Microtechniques pour l'année 2021",
            "Rapporteur : Mme Anne VIGNOT, Présidente",
            "Commission : Innovation, attractivité, enseignement supérieur, économie, tourisme et numérique",
            "Inscription budgétaire : BP 2021 et PPIF 2021-2025 « actions recherche et innovation » fonctionnement",
            "Montant du budget 2021 : 140 000 €",
            "Montant de l'opération : 45 000 €",
            "Résumé",
            "Mme Frédérique BAEHR, M. Benoît VUILLEMIN, M. Sébastien COUDRY et M. Nicolas BODIN (2), "
            "conseillers intéressés, ne prennent part ni au débat, ni au vote.",
            "À l'unanimité, le Conseil communautaire :",
            "se prononce favorablement sur le soutien de Grand Besançon Métropole",
            "Rapport adopté à l'unanimité :",
            "Conseillers en exercice : 123",
            "Votants : 104",
            "Pour : 104",
            "Contre : 0",
            "Abstentions : 0",
            "Ne prenant pas part au vote : 5",  # the example's order
            "Pour extrait conforme,",
            "Le Vice-Président suppléant,",
            "Gabriel BAULIEU",
            "1er Vice-Président",
            "Annexe",
            "CONVENTION",
            "Laurent DESCHAMPS",
            "846 442 € HT",
        ],
    )


def test_french_typography_in_the_text_layer(extract_pdf):
    raw = PdfReader(extract_pdf).pages[2].extract_text() + "".join(
        page.extract_text() for page in PdfReader(extract_pdf).pages
    )
    assert "45\u202f000\u00a0€" in raw
    assert "n°\u00a02021/005795" in raw
    assert "7\u00a0octobre 2021" in raw
    assert "l’unanimité" in raw  # typographic apostrophe
    for accented in (
        "Étaient présents",
        "Séance",
        "Besançon",
        "Annaïck",
        "Roche-Lèz-Beaupré",
        "Châtillon-le-Duc",
    ):
        assert accented in raw


def test_pages_are_numbered(extract_pdf, extract_pdf_text):
    pages = len(PdfReader(extract_pdf).pages)
    assert pages >= 3
    for number in range(1, pages + 1):
        assert f"Page {number} sur {pages}" in extract_pdf_text


def test_pdf_a_2b_and_tagged(extract_pdf):
    reader = PdfReader(extract_pdf)
    xmp = reader.xmp_metadata.rdf_root.toxml()
    assert re.search(r"pdfaid:part(?:>|=\")2", xmp) and re.search(r"pdfaid:conformance(?:>|=\")B", xmp)
    root = reader.trailer["/Root"]
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"]
    assert root["/Lang"].startswith("fr")
    assert "/OutputIntents" in root
    assert reader.metadata.title.startswith("Extrait du registre des délibérations")


def test_nothing_overflows_the_page(extract_pdf):
    """Every word of every page lies inside the text area (2 cm margins, some tolerance)."""
    html = pdftotext(extract_pdf, "-bbox")
    width, height = 595.3, 841.9
    margin = 2 * 72 / 2.54
    words = re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">', html)
    assert len(words) > 3000
    for x0, y0, x1, y1 in ((float(a), float(b), float(c), float(d)) for a, b, c, d in words):
        assert margin - 2 <= x0 and x1 <= width - margin + 2, (x0, x1)
        assert 0 < y0 and y1 < height


def test_png_pages(extract_pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", str(extract_pdf), str(tmp_path / "page")], check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == len(PdfReader(extract_pdf).pages)
    head = pngs[0].read_bytes()[:24]
    assert head[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(head[16:20], "big"), int.from_bytes(head[20:24], "big")
    assert abs(height / width - 297 / 210) < 0.01  # A4 portrait


def test_the_pdf_reads_back_into_the_same_meeting(example_record, extract_pdf):
    again = record_from_path(extract_pdf)
    a, b = example_record.meeting, again.meeting
    for field in (
        "authority",
        "date",
        "order_of_passage",
        "members_in_office",
        "council",
        "place",
        "chair",
        "secretary",
        "opened_at",
        "closed_at",
        "attendance",
        "proxies",
        "items",
    ):
        assert getattr(a, field) == getattr(b, field), field
    assert set(a.members) == set(b.members)
    first, second = example_record.deliberations[0], again.deliberations[0]
    for field in (
        "number",
        "item",
        "title",
        "rapporteur",
        "committee",
        "budget_line",
        "budget_amounts",
        "interested_members",
        "signatory",
    ):
        assert getattr(first, field) == getattr(second, field), field
    assert again.chair_title == "Présidente de Grand Besançon Métropole"
    ta, tb = example_record.tally.for_item(19), again.tally.for_item(19)
    assert (tb.present_count, tb.represented_count, tb.not_participating, tb.voters) == (91, 18, 5, 104)
    assert (tb.votes_for, tb.votes_against, tb.abstentions, tb.adopted, tb.unanimous) == (
        104,
        0,
        0,
        True,
        True,
    )
    assert ta == tb


def test_check_finds_the_generated_extract_consistent(extract_pdf, capsys):
    from registre.cli.main import main

    assert main(["check", str(extract_pdf)]) == 0
    assert "Verdict : cohérent" in capsys.readouterr().out
