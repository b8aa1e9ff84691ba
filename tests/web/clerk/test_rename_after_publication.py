"""A clerk renames a member and the council after publication (the live rows serve the next
meetings): the published act's page, API record, PDF extract and SCDL row do not change."""

import subprocess
from html import unescape

from registre.web.register.models import Council, Member

EXAMPLE = "/deliberations/grand-besancon-metropole/2021/5795/"


def _pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "extrait.pdf"
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def _state(client, deliberation, tmp_path) -> dict:
    page = unescape(client.get(EXAMPLE).content.decode())
    record = client.get(f"/api/v1/deliberations/{deliberation.pk}/").json()
    pdf = client.get(f"/documents/deliberations/{deliberation.pk}/extrait.pdf")
    csv = b"".join(client.get("/donnees/scdl-deliberations.csv").streaming_content).decode("utf-8")
    return {
        "page": page.split("<main", 1)[-1],
        "record": record,
        "pdf": _pdf_text(pdf.content, tmp_path),
        "row": next(line for line in csv.splitlines() if "2021/005795" in line),
    }


def test_renaming_after_publication_changes_nothing_published(client, client_for, demo, tmp_path):
    deliberation = demo["deliberation"]
    before = _state(client, deliberation, tmp_path)
    assert "M. Nicolas BODIN" in before["page"] and "BODIN" in before["pdf"]
    assert "Nicolas BODIN" in " ".join(before["record"]["attendance"]["present"])
    greffe = client_for("greffe")
    bodin = Member.objects.get(council=deliberation.item.meeting.council, last_name="BODIN")
    renamed = greffe.post(
        f"/greffe/conseillers/{bodin.pk}/",
        {"civility": "M.", "first_name": "Nicolas", "last_name": "RENOMMÉ", "commune": bodin.commune},
    )
    assert renamed.status_code == 302
    council = deliberation.item.meeting.council
    assert (
        greffe.post(f"/greffe/assemblees/{council.pk}/renommer/", {"name": "Assemblée renommée"}).status_code
        == 302
    )
    authority = deliberation.authority
    authority.name = "Métropole renommée"
    authority.save()
    assert Member.objects.get(pk=bodin.pk).last_name == "RENOMMÉ"
    assert Council.objects.get(pk=council.pk).name == "Assemblée renommée"

    after = _state(client, deliberation, tmp_path)
    assert after == before
    assert "RENOMMÉ" not in after["page"] + after["pdf"] + str(after["record"]) + after["row"]
    assert "renommée" not in after["page"] + after["pdf"] + str(after["record"]) + after["row"]
