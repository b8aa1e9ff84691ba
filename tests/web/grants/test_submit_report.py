"""The beneficiary submits its reports; uploads are checked for type and size; refused uploads write nothing."""

from django.core.files.uploadedfile import SimpleUploadedFile

from registre.web.grants.models import Submission

from .conftest import odf_bytes, pdf_bytes


def _upload(client, agreement, name, content, kind="activity_report", year="2021"):
    return client.post(
        f"/subventions/portail/conventions/{agreement.pk}/document/",
        {"kind": kind, "year": year, "file": SimpleUploadedFile(name, content)},
    )


def _state(client, agreement, kind):
    html = client.get(f"/subventions/conventions/{agreement.pk}/").content.decode()
    return html.split(f'data-obligation="{kind}" data-state="', 1)[1].split('"', 1)[0]


def test_the_activity_report_is_received(beneficiary, officer, agreement, media_root):
    assert _state(officer, agreement, "activity_report") == "late"
    response = _upload(beneficiary, agreement, "rapport-activite-2021.pdf", pdf_bytes())
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert (submission.kind, submission.year, submission.content_type) == (
        "activity_report",
        2021,
        "application/pdf",
    )
    assert submission.submitted_by.username == "pole-microtechniques"
    assert _state(officer, agreement, "activity_report") == "received"
    assert _state(officer, agreement, "financial_report") == "late"
    download = officer.get(f"/subventions/documents/{submission.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content).startswith(b"%PDF-")


def test_an_oversize_upload_is_refused(beneficiary, agreement, settings, media_root):
    settings.GRANTS_MAX_UPLOAD_BYTES = 4096
    response = _upload(beneficiary, agreement, "gros.pdf", pdf_bytes(5000))
    assert response.status_code == 400
    assert "Fichier trop volumineux (4,9 Ko) : 4 Ko au plus." in response.content.decode()
    assert not Submission.objects.exists()
    assert not media_root.exists() or not any(media_root.rglob("*.pdf"))


def test_a_wrong_type_is_refused(beneficiary, agreement, media_root):
    response = _upload(beneficiary, agreement, "programme.exe", b"MZ\x90\x00" + b"\x00" * 100)
    assert response.status_code == 400
    assert "Type de fichier refusé" in response.content.decode()
    response = _upload(beneficiary, agreement, "faux.pdf", b"<html>pas un PDF</html>")
    assert response.status_code == 400
    assert (
        "Le contenu du fichier ne correspond pas à son extension .pdf : c&#x27;est d&#x27;un type non accepté."
        in response.content.decode()
    )
    assert not Submission.objects.exists()


def test_an_empty_file_or_a_missing_year_is_a_field_error(beneficiary, agreement):
    response = _upload(beneficiary, agreement, "vide.pdf", b"", year="")
    assert response.status_code == 400
    html = response.content.decode()
    assert 'id="id_year_errors"><span>Erreur : Renseignez ce champ.' in html
    assert not Submission.objects.exists()


def test_an_office_document_is_accepted(beneficiary, agreement):
    response = _upload(
        beneficiary, agreement, "compte-rendu.ods", odf_bytes("spreadsheet"), kind="financial_report"
    )
    assert response.status_code == 302
    assert Submission.objects.get().content_type == "application/vnd.oasis.opendocument.spreadsheet"
