"""Names as extracts write them (importer.persons)."""

from registre.importer.persons import NamedPerson, Roster, find_people


def names(text, **kwargs):
    return [(p.civility, p.first_name, p.last_name) for p in find_people(text, **kwargs)]


def test_first_name_and_capitals():
    assert names("Mme Anne VIGNOT, M. Jean-Hugues ROUX (à partir de la question n°2)") == [
        ("Mme", "Anne", "VIGNOT"),
        ("M.", "Jean-Hugues", "ROUX"),
    ]
    assert find_people("M. Jean-Hugues ROUX (à partir de la question n°2)")[0].notes == (
        "à partir de la question n°2",
    )


def test_surnames_only_with_civilities():
    assert names("M. JARRY, Maire Mme BOUDJEMAÏ, M.TAYEB à M. DEBORD M. PINTO MARTINS") == [
        ("M.", "", "JARRY"),
        ("Mme", "", "BOUDJEMAÏ"),
        ("M.", "", "TAYEB"),
        ("M.", "", "DEBORD"),
        ("M.", "", "PINTO MARTINS"),
    ]


def test_plural_civility_lists_and_ocr_noise():
    read = names(
        "Mrs BOUSQUET, CAPY, DARD[ER et ZAMBONI. Mmes BELMAS, BRlQUET-BOlSSI1RE et SALOM. ESTRADE, A donné",
        list_mode=True,
    )
    assert read == [
        ("M.", "", "BOUSQUET"),
        ("M.", "", "CAPY"),
        ("M.", "", "DARD[ER"),
        ("M.", "", "ZAMBONI"),
        ("Mme", "", "BELMAS"),
        ("Mme", "", "BRlQUET-BOlSSI1RE"),
        ("Mme", "", "SALOM"),
        ("", "", "ESTRADE"),
    ]


def test_ordinary_case_surnames():
    assert names("M. Troussel, Mme Saïd-Anzum, M. Martin P-Y, M. Martin S., Mme Girardet use du pouvoir") == [
        ("M.", "", "Troussel"),
        ("Mme", "", "Saïd-Anzum"),
        ("M.", "P-Y", "Martin"),
        ("M.", "S.", "Martin"),
        ("Mme", "", "Girardet"),
    ]
    assert names("Sous la présidence de M. Stéphane Troussel, la Commission") == [
        ("M.", "Stéphane", "Troussel")
    ]


def test_initials():
    assert names(
        "S Boissard, JL Bouchard suppléé par N Ferreira de Souza, MA Chalumeaux", list_mode=True
    ) == [
        ("", "S", "Boissard"),
        ("", "JL", "Bouchard"),
        ("", "N", "Ferreira de Souza"),
        ("", "MA", "Chalumeaux"),
    ]


def test_words_of_another_column_inside_a_name():
    assert names(
        "Didier BUREAU COMMUNAUTAIRE DU DALLOY, Vinciane 6 MARS 2023 FABER, RELEVÉ DE Joëlle DUPRIEZ",
        list_mode=True,
    ) == [("", "Didier", "DALLOY"), ("", "Vinciane", "FABER"), ("", "Joëlle", "DUPRIEZ")]


def test_verbs_in_capitals_are_not_surnames():
    assert names("M. MAILLER, M. SY DECIDE de désigner") == [("M.", "", "MAILLER"), ("M.", "", "SY")]


def _person(first, last):
    return NamedPerson("", first, last, (), 0, 0)


def test_roster_resolves_partial_and_misspelt_names():
    roster = Roster()
    for first, last in (
        ("", "JARRY"),
        ("Eric", "LUVISUTTO"),
        ("Jean-Luc", "BOUCHARD"),
        ("Jeani Paul", "LARAN"),
    ):
        roster.add(_person(first, last))
    assert roster.resolve(_person("Patrick", "JARRY")) == (_person("", "JARRY"), None)
    assert roster.resolve(_person("Eric", "LUVISITTO")) == (_person("Eric", "LUVISUTTO"), "variant")
    assert roster.resolve(_person("JL", "BOUCHARD"))[0].first_name == "Jean-Luc"
    assert roster.resolve(_person("Jean Paul", "LARAN")) == (_person("Jeani Paul", "LARAN"), "variant")
    stranger = _person("Anne", "VIGNOT")
    assert roster.resolve(stranger) == (stranger, None)
    assert roster.find("Eric", "LUVISUTTO") is not None and roster.find("Anne", "LUVISUTTO") is None


def test_surname_first_lists():
    assert names(
        "DUPONT Jean, MARTIN Marie-Claire, LE GALL Yves (jusqu'à la question n°3) et PETIT Luc",
        list_mode=True,
    ) == [
        ("", "Jean", "DUPONT"),
        ("", "Marie-Claire", "MARTIN"),
        ("", "Yves", "LE GALL"),
        ("", "Luc", "PETIT"),
    ]
    # first name first stays first name first
    assert names("Jean DUPONT, Marie MARTIN, Luc PETIT", list_mode=True) == [
        ("", "Jean", "DUPONT"),
        ("", "Marie", "MARTIN"),
        ("", "Luc", "PETIT"),
    ]


def test_a_note_after_a_dash_is_the_previous_names_note():
    """ "André FRANC - (ayant donné pouvoir à Jean-Claude GARDE)": the holder is no absent member."""
    people = find_people(
        "Isabelle BECKER - André FRANC - (ayant donné pouvoir à Jean-Claude GARDE) Gérald GONON - "
        "(ayant donné pouvoir à Damien PARET) - Nelly PORTERON",
        list_mode=True,
    )
    assert [p.name for p in people] == ["Isabelle BECKER", "André FRANC", "Gérald GONON", "Nelly PORTERON"]
    assert people[1].notes == ("ayant donné pouvoir à Jean-Claude GARDE",)


def test_mixed_case_surnames_with_an_apostrophe_or_a_lost_hyphen_and_no_heading_word():
    """Vélizy-Villacoublay: "M. Omar N'Dior", "Mme Solange PétretRacca", "M. Damien Metzlé Délibération n°…"."""
    people = find_people(
        "M. Omar N'Dior, Mme Solange PétretRacca. Secrétaire : M. Damien Metzlé Délibération n°2022"
    )
    assert [p.name for p in people] == ["Omar N'Dior", "Solange PétretRacca", "Damien Metzlé"]


def test_a_word_before_a_colon_is_a_commune_label_not_a_name():
    """Gâtine-Racan: "Cerelles : M. Poulle Guy Charentilly : Mme Bouin Valérie Chemillé-Sur-Dême : …"."""
    people = find_people("M. Poulle Guy Charentilly : Mme Bouin Valérie Chemillé-Sur-Dême : M. Canon Eloi")
    assert [p.name for p in people] == ["Poulle Guy", "Bouin Valérie", "Canon Eloi"]


def test_a_list_of_women_and_men_under_one_civility():
    """Figeac: "Présents : Mmes et Ms MELLINGER, LANDES, …": each civility is unknown, not "M."."""
    people = find_people(
        "Mmes et Ms MELLINGER, LANDES, SEHLAOUI (à partir du point 7), JANOT.", list_mode=True
    )
    assert [(p.civility, p.last_name) for p in people] == [
        ("", "MELLINGER"),
        ("", "LANDES"),
        ("", "SEHLAOUI"),
        ("", "JANOT"),
    ]
    assert people[2].notes == ("à partir du point 7",)


def test_roster_reads_a_name_whose_parts_a_list_wrote_the_other_way():
    """Gâtine-Racan: the chair "Antoine TRYSTRAM", the list "M. Trystram Antoine"."""
    roster = Roster()
    listed = find_people("M. Trystram Antoine")[0]
    roster.add(listed)
    assert roster.resolve(find_people("Antoine TRYSTRAM")[0]) == (listed, "variant")
