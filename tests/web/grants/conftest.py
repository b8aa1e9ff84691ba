"""Grants fixtures: the demo agreement, the officer's and beneficiaries' clients, a second
beneficiary with its own agreement, uploads kept in a temporary media root."""

import datetime as dt
from decimal import Decimal

import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return settings.MEDIA_ROOT


@pytest.fixture
def agreement(demo):
    return demo["agreement"]


@pytest.fixture
def officer(client_for):
    return client_for("subventions")


@pytest.fixture
def beneficiary(client_for, demo):
    return client_for("pole-microtechniques")


@pytest.fixture
def other_agreement(demo):
    """Another beneficiary of the same authority, with its own account and agreement."""
    from registre.web.accounts.models import User
    from registre.web.grants.models import Agreement, Beneficiary

    other = Beneficiary.objects.create(
        authority=demo["authority"], name="Association Voisine", email="contact@voisine.example"
    )
    user = User.objects.create_user(
        "association-voisine", password="x", role=User.BENEFICIARY, email="tresorier@voisine.example"
    )
    other.accounts.add(user)
    return Agreement.objects.create(
        authority=demo["authority"],
        beneficiary=other,
        deliberation=demo["deliberation"],
        reference="2021/AV-1",
        object="Fonctionnement 2021",
        amount=Decimal(30000),
        cap=Decimal(30000),
        financial_year=2021,
        signed_on=dt.date(2021, 11, 2),
        valid_until=dt.date(2022, 11, 1),
    )


@pytest.fixture
def other_client(client_for, other_agreement):
    return client_for("association-voisine")


def pdf_bytes(size: int = 2000, **root) -> bytes:
    """A real one-page PDF (qpdf opens it), padded to ``size`` bytes with a trailing comment;
    ``root`` entries are added to its catalogue (an /OpenAction, for instance)."""
    import io

    import pikepdf

    pdf = pikepdf.new()
    pdf.add_blank_page()
    for key, value in root.items():
        pdf.Root[f"/{key}"] = value
    buffer = io.BytesIO()
    pdf.save(buffer)
    data = buffer.getvalue()
    return data + b"%" + b"0" * max(0, size - len(data) - 2) + b"\n"


def odf_bytes(kind: str = "spreadsheet", extra: dict | None = None) -> bytes:
    """A minimal OpenDocument file as office suites write it: ``mimetype`` first, stored."""
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), f"application/vnd.oasis.opendocument.{kind}")
        for name, content in {"content.xml": "<office:document-content/>", **(extra or {})}.items():
            archive.writestr(name, content, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()
