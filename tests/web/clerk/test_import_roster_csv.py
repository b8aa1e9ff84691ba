"""Roster CSV import: ; or , sniffed, UTF-8 or Windows-1252, one transaction, every bad row
named by line and field in French, nothing written if any row is bad."""

from django.core.files.uploadedfile import SimpleUploadedFile

from registre.web.register.models import Member


def _upload(greffe, council, data: bytes):
    return greffe.post(
        f"/greffe/assemblees/{council.pk}/conseillers/importer/",
        {"file": SimpleUploadedFile("liste.csv", data, content_type="text/csv")},
    )


def test_semicolon_utf8_roster_is_imported_and_reimport_changes_nothing(greffe, council):
    data = "civilité;prénom;nom;commune;suppléant\nMme;Lucie;BERNARD;Montferrand-le-Château;non\nM.;Michel;GABRIEL;Champagney;oui\n"
    response = _upload(greffe, council, data.encode("utf-8"))
    assert response.status_code == 302
    gabriel = council.members.get(last_name="GABRIEL")
    assert gabriel.substitute and gabriel.commune == "Champagney"
    count = council.members.count()
    _upload(greffe, council, data.encode("utf-8"))
    assert council.members.count() == count


def test_comma_windows_1252_roster(greffe, council):
    data = "M,Jérôme,LÈBRE,Vèze,\nMme,Hélène,ASTRIC-ANSART,Boussières,non\n".encode("cp1252")
    assert _upload(greffe, council, data).status_code == 302
    assert council.members.filter(first_name="Jérôme", last_name="LÈBRE", commune="Vèze").exists()


def test_bad_rows_are_named_and_nothing_is_written(greffe, council):
    before = Member.objects.count()
    data = (
        "civilité;prénom;nom;commune;suppléant\nMme;Lucie;BERNARD;Montferrand;non\nDr;Paul;;X;peut-être\n"
        "Mme;Lucie;Bernard;Montferrand;non\n"
    ).encode()
    response = _upload(greffe, council, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Ligne 3, colonne « civilité » : « Dr » n&#x27;est pas reconnue (M. ou Mme)." in page
    assert "Ligne 3, colonne « nom » : valeur manquante." in page
    assert "Ligne 3, colonne « suppléant »" in page
    assert "Ligne 4, colonnes « prénom » et « nom » : Lucie Bernard figure déjà ligne 2." in page
    assert Member.objects.count() == before
    for data, message in (
        (b"", "Choisissez un fichier CSV."),
        (b"\x00\x01\x02", "n&#x27;est pas un fichier texte CSV"),
    ):
        response = (
            _upload(greffe, council, data)
            if data
            else greffe.post(f"/greffe/assemblees/{council.pk}/conseillers/importer/", {})
        )
        assert response.status_code == 400 and message in response.content.decode()
