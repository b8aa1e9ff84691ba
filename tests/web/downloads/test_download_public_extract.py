import io

from pypdf import PdfReader


def test_public_extract_pdf_prints_the_tally(client, demo):
    deliberation = demo["deliberation"]
    response = client.get(f"/documents/deliberations/{deliberation.pk}/extrait.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "2021/005795" in text and "104" in text


def test_public_extract_docx_opens(client, demo):
    import docx

    response = client.get(f"/documents/deliberations/{demo['deliberation'].pk}/extrait.docx")
    assert response.status_code == 200
    assert ".docx" in response["Content-Disposition"]
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs)
    assert "2021/005795" in text


def test_unpublished_and_unknown_format_are_404(client, demo, draft_elsewhere):
    deliberation = demo["deliberation"]
    assert client.get(f"/documents/deliberations/{deliberation.pk}/extrait.exe").status_code == 404
    deliberation = draft_elsewhere
    assert client.get(f"/documents/deliberations/{deliberation.pk}/extrait.pdf").status_code == 404
    meeting = deliberation.item.meeting
    assert client.get(f"/documents/seances/{meeting.pk}/liste.pdf").status_code == 404


def test_public_list_of_the_meeting(client, demo):
    meeting = demo["deliberation"].item.meeting
    response = client.get(f"/documents/seances/{meeting.pk}/liste.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")
