"""The attendance block (importer.attendance): lists, proxies and where a list ends."""

from registre.importer.attendance import read_attendance
from registre.importer.layout import FlatText

from .corpus import imported


def attendance(text):
    found = read_attendance(FlatText.of(text))
    listed = [(m.person.name, m.present) for m in found.listed]
    proxies = [(p.principal.name, p.holder.name) for p in found.proxies]
    return listed, proxies


def test_surname_first_proxies_joined_by_par_and_a_civility():
    """Taverny: "Mme BOUIZEM Rabia par Mme PRÉVOT Vannina Mme DA SILVA Céline par …"."""
    _listed, proxies = attendance(
        "MEMBRES PRÉSENTS : Mme PRÉVOT Vannina, Mme BOISSEAU-STAL Laetitia, M. DO AMARAL Philippe. "
        "MEMBRES REPRÉSENTÉS : Mme BOUIZEM Rabia par Mme PRÉVOT Vannina Mme DA SILVA Céline par "
        "Mme BOISSEAU-STAL Laetitia M. KOURIS Patrick par M. DO AMARAL Philippe MEMBRES ABSENTS NON "
        "REPRÉSENTÉS : Mme GRELLIER Isabelle."
    )
    assert proxies == [
        ("Rabia BOUIZEM", "Vannina PRÉVOT"),
        ("Céline DA SILVA", "Laetitia BOISSEAU-STAL"),
        ("Patrick KOURIS", "Philippe DO AMARAL"),
    ]


def test_surname_first_proxies_ending_a_sentence():
    """Gennes-Val-de-Loire: "… et SIRE Michel à LUCAS Nadège. Secrétaires de séance : …"."""
    _listed, proxies = attendance(
        "Conseillers municipaux présents : Mmes et MM. FULNEAU Jean-Yves, LUCAS Nadège, MOISY Nicole. "
        "Pouvoirs : 2 Mmes et M. ENGUEHARD Elisabeth à FULNEAU Jean-Yves et SIRE Michel à LUCAS Nadège. "
        "Secrétaires de séance : MOISY Nicole"
    )
    assert proxies == [("Elisabeth ENGUEHARD", "Jean-Yves FULNEAU"), ("Michel SIRE", "Nadège LUCAS")]


def test_an_absent_list_ends_before_the_sentence_naming_the_secretary():
    listed, _proxies = attendance(
        "Etaient présents : Mme Anne MARTIN, M. Philippe DO AMARAL. Absents : Mme Isabelle GRELLIER, "
        "Mme Yolande BAETA. Monsieur Philippe DO AMARAL a été élu secrétaire de séance."
    )
    assert listed == [
        ("Anne MARTIN", True),
        ("Philippe DO AMARAL", True),
        ("Isabelle GRELLIER", False),
        ("Yolande BAETA", False),
    ]


def test_a_note_after_a_dash_makes_a_proxy_not_an_absence():
    """Arthun: "André FRANC - (ayant donné pouvoir à Jean-Claude GARDE)"."""
    listed, proxies = attendance(
        "Etaient présents : Jean-Claude GARDE - Damien PARET Absents excusés : André FRANC - (ayant donné "
        "pouvoir à Jean-Claude GARDE) Gérald GONON - (ayant donné pouvoir à Damien PARET) - Nelly PORTERON."
    )
    assert [name for name, present in listed if not present] == [
        "André FRANC",
        "Gérald GONON",
        "Nelly PORTERON",
    ]
    assert proxies == [("André FRANC", "Jean-Claude GARDE"), ("Gérald GONON", "Damien PARET")]


VELIZY = (
    "Etaient présents : M. Pascal Thévenot, Mme Valérie Sidot-Courtois (à compter de la délibération n° 2022-12-21/01 "
    "incluse), M. Bruno Larbaneix, M. Amroze Adjuward (à compter de la délibération n° 2022-12-21/01 incluse). Ont donné "
    "procuration : Mme Valérie Sidot-Courtois à M. Bruno Larbaneix (jusqu'au compte rendu des actes administratifs inclus). "
    "Absents non représentés : M. Amroze Adjuward (jusqu'au compte rendu des actes adminitratifs inclus), Mme Sophie Paris. "
)


def test_an_absence_outside_a_presence_is_not_an_absence_for_the_whole_meeting():
    found = read_attendance(FlatText.of(VELIZY))
    assert [(m.person.name, m.present) for m in found.listed if m.person.name == "Amroze Adjuward"] == [
        ("Amroze Adjuward", True)
    ]
    assert "absence_outside_presence" in [f.code for f in found.findings]


def test_a_proxy_outside_a_presence_holds_for_the_rest_of_the_meeting_only():
    found = read_attendance(FlatText.of(VELIZY))
    (proxy,) = found.proxies
    assert proxy.outside_presence is not None and proxy.outside_presence.from_item == 1
    assert "proxy_outside_presence" in [f.code for f in found.findings]


def test_a_proxy_before_an_arrival_holds_until_the_item_passed_just_before_it():
    """Communauté de communes Écueillé-Valençay: KOCHER arrives "au début de l'examen du dossier n°3",
    which passes after n°4; his proxy counts for n°1, n°2 and n°4, not for n°3."""
    data = imported("added", "cc-ecueille-valencay_2023-12-19_DCC2023-129.txt")
    assert data["meeting"]["order_of_passage"] == [1, 2, 4, 3]
    (proxy,) = [p for p in data["proxies"] if p["principal"] == "Philippe KOCHER"]
    assert (proxy["from_item"], proxy["until_item"]) == (None, 4)
    represented = {d["number"]: d["computed"]["represented"] for d in data["deliberations"]}
    assert represented == {"1": 5, "DCC2023_129": 5, "DCC2023_130": 5, "3": 4}
    assert not [
        v
        for d in data["deliberations"]
        for v in d.get("violations", [])
        if v["code"] == "proxy_principal_present"
    ]


def test_a_column_of_holders_gives_no_pair_and_says_so():
    """Garges-lès-Gonesse: the principals' column and the holders' column apart, "à X à Y" with X and Y
    present: no pair is guessed, and the document says the proxies are unknown."""
    found = read_attendance(
        FlatText.of(
            "Etaient présents : M. Claude MARSEILLE, Mme Maria MORGADO, M. Samy DEBAH, M. Rettina RADJOU. "
            "Pouvoirs : M. Müfit BIRINCI, M. Brahim TAQUI à M. Claude MARSEILLE à Mme Maria MORGADO à M. Samy "
            "DEBAH à M. Rettina RADJOU Secrétaire de séance : M. Samy DEBAH"
        )
    )
    assert [(p.principal.name, p.holder.name) for p in found.proxies] == [
        ("Brahim TAQUI", "Claude MARSEILLE")
    ]
    _listed, proxies = attendance(
        "Etaient présents : M. Claude MARSEILLE, Mme Maria MORGADO. Pouvoirs : M. Müfit BIRINCI, Brahim "
        "à M. Claude MARSEILLE à Mme Maria MORGADO Secrétaire de séance : M. Claude MARSEILLE"
    )
    assert proxies == []


def test_an_unread_proxy_list_is_a_warning():
    found = read_attendance(
        FlatText.of(
            "Etaient présents : M. Claude MARSEILLE, Mme Maria MORGADO. Pouvoirs : M. Müfit BIRINCI, Brahim "
            "à M. Claude MARSEILLE à Mme Maria MORGADO Secrétaire de séance : M. Claude MARSEILLE"
        )
    )
    assert [f.code for f in found.findings] == ["proxy_list_unread"]


def test_a_principal_not_listed_present_after_a_stray_a_keeps_its_pair():
    """Chantepie: "… à Madame Eve SCHOUMACKER à Madame Anne-Sophie ROSSIGNOL à Monsieur Grégoire LE BLOND"."""
    _listed, proxies = attendance(
        "Etaient présents : SCHOUMACKER Eve, LE BLOND Grégoire. Procurations : Monsieur Sébastien MONTERIEUX à "
        "Madame Eve SCHOUMACKER à Madame Anne-Sophie ROSSIGNOL à Monsieur Grégoire LE BLOND Secrétaire de séance : "
        "Madame Eve SCHOUMACKER"
    )
    assert proxies == [
        ("Sébastien MONTERIEUX", "Eve SCHOUMACKER"),
        ("Anne-Sophie ROSSIGNOL", "Grégoire LE BLOND"),
    ]
