"""Vote phrasings (importer.votes)."""

from registre.importer.counts import read_figures
from registre.importer.layout import FlatText
from registre.importer.votes import read_votes


def votes_of(text):
    page = FlatText.of(text)
    return read_votes(page, read_figures(page), 0, len(page.text))


def test_unanimity():
    vote = votes_of("Après en avoir délibéré, le Conseil Municipal, à l'unanimité, approuve").main
    assert vote.result == "unanimous" and vote.unanimous and not vote.has_figures


def test_unanimity_of_votes_cast_with_abstentions():
    vote = votes_of(
        "à l'unanimité des suffrages exprimés 38 votes pour, dont 3 procurations (M. LATRONCHE) "
        "11 abstentions, Mme CAPORAL, M. FAUTRE DECIDE"
    ).main
    assert vote.result == "unanimous_of_votes_cast" and vote.unanimous_of_votes_cast
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (38, None, 11)
    assert [p.last_name for p in vote.named["abstain"]] == ["CAPORAL", "FAUTRE"]


def test_figures_with_not_participating():
    vote = votes_of(
        "Délibération adoptée par : 46 voix Pour, 1 abstention et 5 ne prenant pas part au vote"
    ).main
    assert vote.result == "adopted"
    assert (vote.votes_for, vote.votes_against, vote.abstentions, vote.not_participating) == (46, None, 1, 5)


def test_figures_without_a_phrase():
    vote = votes_of("DECISION (par 34 voix POUR, 0 voix CONTRE, 0 ABSTENTION(S), sur 34 VOTANTS)").main
    assert (vote.votes_for, vote.votes_against, vote.abstentions, vote.voters) == (34, 0, 0, 34)


def test_majority_with_named_abstentions_in_words():
    vote = votes_of(
        "A la majorité avec 35 voix pour et quatre abstentions de M. Pascal CASTILLON, "
        "M. Sébastien TROUILLAS, Mme Michèle ESKINAZI et M. José CARAMEZ, Conseil municipal"
    ).main
    assert vote.result == "majority" and (vote.votes_for, vote.abstentions) == (35, 4)
    assert len(vote.named["abstain"]) == 4


def test_named_list_instead_of_a_number():
    vote = votes_of("Adopté à la majorité. Abstention(s) de : Mme Azoug, Mme Denis. Le présent acte").main
    assert vote.abstentions == 2


def test_checkbox_form():
    reading = votes_of(
        "Adopté à l'unanimité : a Date d'affichage Adopté à la majorité : Voix contre : 0 Abstentions : 4"
    )
    assert reading.checkbox_form and reading.main.result == "majority"
    assert (reading.main.votes_against, reading.main.abstentions) == (0, 4)


def test_taking_note_is_no_vote():
    reading = votes_of("Le Conseil municipal prend acte de la tenue du débat.")
    assert reading.main.no_vote and reading.main.result == "noted"
    assert not votes_of("- PREND ACTE que cette convention porte sur 32 ans").votes


def test_taking_note_with_a_vote():
    vote = votes_of(
        "à la majorité avec 38 voix pour et une abstention de M. Sébastien TROUILLAS, prend acte de la tenue"
    ).main
    assert vote.noted and not vote.no_vote and (vote.votes_for, vote.abstentions) == (38, 1)


def test_several_votes_in_one_item():
    reading = votes_of(
        "à la majorité 41 votes pour 2 votes contre, M. MAILLER, M. SY 6 abstentions, Mme CAPORAL AUTORISE "
        "l'acquisition. à la majorité 42 votes pour 2 votes contre 5 abstentions DESIGNE M. DUBUS"
    )
    assert [(v.votes_for, v.votes_against, v.abstentions) for v in reading.votes] == [(41, 2, 6), (42, 2, 5)]
    assert reading.main is reading.votes[0]


def test_one_vote_said_twice_is_one_vote():
    reading = votes_of(
        "A l'unanimité, le Conseil de Communauté : se prononce. Rapport adopté à l'unanimité : "
        "Pour : 104 Contre : 0 Abstention : 0 Conseillers intéressés : 5"
    )
    assert len(reading.votes) == 1
    vote = reading.main
    assert (vote.votes_for, vote.votes_against, vote.abstentions, vote.not_participating) == (104, 0, 0, 5)


def test_a_committee_opinion_is_not_the_vote():
    reading = votes_of(
        "Vu l'avis majoritairement favorable après examen des commissions en date du 9 février 2023 "
        "(pour : 21 ; contre : 0; abstentions : 2). ENTENDU que … le Conseil Municipal, à l'unanimité des voix :"
    )
    assert reading.main.result == "unanimous" and not reading.main.has_figures
    assert [(c.kind, c.value) for c in reading.committee_figures] == [
        ("for", 21),
        ("against", 0),
        ("abstain", 2),
    ]


def test_slash_means_none():
    vote = votes_of(
        "à l'unanimité des membres présents et représentés. ONT VOTE POUR : 14 ONT VOTE CONTRE : / "
        "SE SONT ABSTENUS : /"
    ).main
    assert (vote.result, vote.votes_for, vote.votes_against, vote.abstentions) == ("unanimous", 14, 0, 0)


def test_roll_call_lists_are_the_count():
    vote = votes_of(
        "Vote au scrutin public. Ont voté pour : M. Jean DUPONT, Mme Anne MARTIN, M. Luc PETIT ; "
        "Ont voté contre : M. Paul ROUX ; Se sont abstenus : Mme Eva LEROY. La délibération est adoptée."
    ).main
    assert (vote.votes_for, vote.votes_against, vote.abstentions) == (3, 1, 1)
    assert [p.last_name for p in vote.named["against"]] == ["ROUX"]


def test_a_committee_opinion_written_the_other_way_round():
    reading = votes_of(
        "La commission des finances, réunie le 3 mars, a émis un avis favorable (pour : 5 ; contre : 1). "
        "Le conseil municipal, après en avoir délibéré, à l'unanimité, approuve."
    )
    assert reading.main.result == "unanimous" and reading.main.votes_for is None
    assert [(c.kind, c.value) for c in reading.committee_figures] == [("for", 5), ("against", 1)]
