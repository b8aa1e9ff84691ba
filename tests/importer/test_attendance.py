"""The attendance block (importer.attendance): lists, proxies and where a list ends."""

from registre.importer.attendance import read_attendance
from registre.importer.layout import FlatText


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
