"""Finding 4: uploads were trusted by their name. A PDF carrying JavaScript or embedded files, a
zip-bomb DOCX, a web page behind a ``%PDF-`` header and a document under another's extension are
refused with a French reason, and nothing is stored; real documents still go through."""

import io
import struct
import zipfile
import zlib

import pikepdf
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from registre.web.grants.models import Submission

from ..grants.conftest import odf_bytes, pdf_bytes

CONTENT_TYPES = (
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.'
    'wordprocessingml.document.main+xml"/></Types>'
)


@pytest.fixture
def beneficiary(client_for):
    return client_for("pole-microtechniques")


def _upload(client, agreement, name, content):
    return client.post(
        f"/subventions/portail/conventions/{agreement.pk}/document/",
        {"kind": "activity_report", "year": "2021", "file": SimpleUploadedFile(name, content)},
    )


def _refused(client, agreement, name, content, reason, media_root):
    response = _upload(client, agreement, name, content)
    assert response.status_code == 400
    assert reason in response.content.decode().replace("&#x27;", "'")
    assert not Submission.objects.exists()
    assert not media_root.exists() or not any(p.is_file() for p in media_root.rglob("*"))


def _docx(parts: dict, level: int = 6) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        for name, content in parts.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def _real_docx() -> bytes:
    from docx import Document

    buffer = io.BytesIO()
    document = Document()
    document.add_paragraph("Rapport d'activité 2021")
    document.save(buffer)
    return buffer.getvalue()


def _png() -> bytes:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\0\0"))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def gigabyte_bomb() -> bytes:
    """A 4.5 MB DOCX whose document.xml unpacks to 1 GiB of zeros."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", CONTENT_TYPES)
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            block = b"\0" * (1 << 24)
            for _ in range(64):
                part.write(block)
    return buffer.getvalue()


def _lying_bomb() -> bytes:
    """20 MiB of zeros whose headers claim 100 bytes: the declared sizes cannot be trusted."""
    data = bytearray(_docx({"word/document.xml": b"\0" * (20 << 20)}, level=1))
    real = struct.pack("<I", 20 << 20)
    for signature, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        start = 0
        while (start := data.find(signature, start)) != -1:
            if data[start + offset : start + offset + 4] == real:
                data[start + offset : start + offset + 4] = struct.pack("<I", 100)
            start += 4
    return bytes(data)


def test_a_pdf_opening_javascript_is_refused(beneficiary, agreement, media_root):
    script = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert('piège')"))
    _refused(
        beneficiary,
        agreement,
        "rapport.pdf",
        pdf_bytes(OpenAction=script),
        "Ce PDF contient du JavaScript",
        media_root,
    )


def test_javascript_in_a_link_annotation_is_refused(beneficiary, agreement, media_root):
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    pdf.pages[0].Annots = pikepdf.Array(
        [
            pikepdf.Dictionary(
                Type=pikepdf.Name.Annot,
                Subtype=pikepdf.Name.Link,
                Rect=[0, 0, 100, 100],
                A=pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("this.exportDataObject()")),
            )
        ]
    )
    buffer = io.BytesIO()
    pdf.save(buffer)
    _refused(
        beneficiary, agreement, "rapport.pdf", buffer.getvalue(), "Ce PDF contient du JavaScript", media_root
    )


def test_a_pdf_with_an_embedded_file_is_refused(beneficiary, agreement, media_root):
    pdf = pikepdf.open(io.BytesIO(pdf_bytes()))
    pdf.attachments["facture.exe"] = pikepdf.AttachedFileSpec(pdf, b"MZ\x90\x00programme")
    buffer = io.BytesIO()
    pdf.save(buffer)
    _refused(
        beneficiary,
        agreement,
        "rapport.pdf",
        buffer.getvalue(),
        "Ce PDF contient des fichiers incorporés",
        media_root,
    )


def test_a_launch_action_is_refused(beneficiary, agreement, media_root):
    launch = pikepdf.Dictionary(S=pikepdf.Name.Launch, F=pikepdf.String("cmd.exe"))
    _refused(
        beneficiary,
        agreement,
        "rapport.pdf",
        pdf_bytes(OpenAction=launch),
        "lancerait un programme",
        media_root,
    )


@pytest.mark.parametrize(
    "content",
    [
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n",
        b"%PDF-1.7\n<!DOCTYPE html><script>fetch('/subventions/')</script>\n" + pdf_bytes()[9:],
    ],
)
def test_html_behind_a_pdf_header_is_refused(beneficiary, agreement, media_root, content):
    _refused(beneficiary, agreement, "rapport.pdf", content, "contient une page web (HTML)", media_root)


def test_a_damaged_pdf_is_refused(beneficiary, agreement, media_root):
    _refused(
        beneficiary,
        agreement,
        "rapport.pdf",
        b"%PDF-1.4\n" + b"0" * 500,
        "Ce PDF est illisible ou abîmé",
        media_root,
    )


def test_a_gigabyte_zip_bomb_docx_is_refused(beneficiary, agreement, media_root, gigabyte_bomb):
    assert len(gigabyte_bomb) < 10 * 1024 * 1024  # under the upload limit: only its content betrays it
    _refused(
        beneficiary,
        agreement,
        "rapport.docx",
        gigabyte_bomb,
        "Le document décompressé dépasse 50 Mo (au moins 1024 Mo)",
        media_root,
    )


def test_a_bomb_lying_about_its_size_is_refused(beneficiary, agreement, media_root):
    _refused(
        beneficiary,
        agreement,
        "rapport.docx",
        _lying_bomb(),
        "Le document est illisible ou abîmé",
        media_root,
    )


def test_the_uncompressed_limit_counts_what_comes_out(beneficiary, agreement, media_root, settings):
    settings.GRANTS_MAX_UNCOMPRESSED_BYTES = 1024 * 1024
    content = _docx({"word/document.xml": b"<w:document/>" + b" " * (2 << 20)})
    _refused(
        beneficiary, agreement, "rapport.docx", content, "Le document décompressé dépasse 1 Mo", media_root
    )


def test_macros_are_refused(beneficiary, agreement, media_root):
    content = _docx({"word/document.xml": "<w:document/>", "word/vbaProject.bin": b"\xd0\xcf\x11\xe0macro"})
    _refused(beneficiary, agreement, "rapport.docx", content, "Le document contient des macros", media_root)
    macro_odt = odf_bytes("text", {"Basic/Standard/Module1.xml": "<script:module/>"})
    _refused(beneficiary, agreement, "rapport.odt", macro_odt, "Le document contient des macros", media_root)


@pytest.mark.parametrize(
    ("name", "content", "what"),
    [
        ("rapport.pdf", "docx", "c'est un fichier DOCX"),
        ("rapport.docx", "pdf", "c'est un fichier PDF"),
        ("rapport.odt", "ods", "c'est un fichier ODS"),
        ("photo.png", "html", "c'est d'un type non accepté"),
    ],
)
def test_the_extension_must_agree_with_the_content(beneficiary, agreement, media_root, name, content, what):
    data = {
        "docx": _real_docx,
        "pdf": pdf_bytes,
        "ods": lambda: odf_bytes("spreadsheet"),
        "html": lambda: b"<html><script>alert(1)</script></html>",
    }[content]()
    _refused(
        beneficiary,
        agreement,
        name,
        data,
        f"ne correspond pas à son extension .{name.split('.')[1]} : {what}",
        media_root,
    )


def test_a_plain_zip_is_not_an_office_document(beneficiary, agreement, media_root):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("programme.exe", b"MZ")
    _refused(
        beneficiary,
        agreement,
        "rapport.docx",
        buffer.getvalue(),
        "Ce fichier est une archive ZIP, pas un document OpenDocument ni Office",
        media_root,
    )


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "rapport.docx",
            _real_docx,
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        ("rapport.odt", lambda: odf_bytes("text"), "application/vnd.oasis.opendocument.text"),
        ("rapport.pdf", pdf_bytes, "application/pdf"),
        ("photo.png", _png, "image/png"),
    ],
)
def test_real_documents_are_accepted(beneficiary, agreement, name, content, content_type):
    response = _upload(beneficiary, agreement, name, content())
    assert response.status_code == 302
    assert Submission.objects.get().content_type == content_type
