"""A visitor searches the published deliberations in French: stems, accents and case are ignored,
and nothing unpublished is ever found."""

from django.db import connection

from registre.web.front.search import index_deliberation, index_deliberations, terms
from registre.web.register.models import Deliberation

from .conftest import numbers


def test_a_singular_finds_the_plural_and_the_reverse(client, register):
    assert numbers(client.get("/", {"q": "subvention"})) == ["2021/005796", "2021/005795"]
    assert "2021/005796" in numbers(client.get("/", {"q": "subventions"}))


def test_accents_and_case_are_ignored(client, register):
    assert "2021/005797" in numbers(client.get("/", {"q": "numerique"}))
    assert "2021/005797" in numbers(client.get("/", {"q": "NUMÉRIQUE"}))
    assert "2021/005797" in numbers(client.get("/", {"q": "Éducatif"}))
    assert numbers(client.get("/", {"q": "tresorerie"})) == ["2021/000012"]


def test_every_word_must_be_found(client, register):
    assert numbers(client.get("/", {"q": "subventions sportives"})) == ["2021/005796"]
    assert numbers(client.get("/", {"q": "subvention kangourou"})) == []


def test_a_word_of_the_title_ranks_before_a_word_of_the_body(client, register):
    # "subvention" is in the title of 5796 and only in the text of the example 5795
    assert numbers(client.get("/", {"q": "subvention"}))[0] == "2021/005796"


def test_a_draft_is_never_found(client, register):
    assert "2021/005798" not in numbers(client.get("/", {"q": "subvention"}))
    assert numbers(client.get("/", {"q": "kayak"})) == []
    assert numbers(client.get("/", {"q": "confidentiel"})) == []
    assert "Secret de brouillon" not in client.get("/", {"q": "secret brouillon"}).content.decode()
    assert numbers(client.get("/", {"q": "budget supplementaire cache"})) == []


def test_the_index_follows_publication_withdrawal_and_changes(client, register):
    draft = register["draft"]
    draft.publish()
    draft.save()
    assert numbers(client.get("/", {"q": "kayak"})) == ["2021/005798"]
    draft.status = Deliberation.DRAFT  # withdrawn
    draft.save()
    assert numbers(client.get("/", {"q": "kayak"})) == []
    draft.title = "Subvention exceptionnelle au club d'aviron"  # changed while a draft
    draft.save()
    assert numbers(client.get("/", {"q": "aviron"})) == []
    draft.publish()  # published again
    draft.save()
    assert numbers(client.get("/", {"q": "kayak"})) == []
    assert numbers(client.get("/", {"q": "aviron"})) == ["2021/005798"]
    Deliberation.objects.filter(pk=draft.pk).delete()
    assert numbers(client.get("/", {"q": "aviron"})) == []
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM front_search WHERE rowid = %s", [draft.pk])
        assert cursor.fetchone() == (0,)


def test_a_status_changed_behind_the_index_is_still_never_shown(client, register):
    Deliberation.objects.filter(pk=register["grants"].pk).update(status=Deliberation.DRAFT)  # no signal
    assert numbers(client.get("/", {"q": "sportives"})) == []


def test_the_register_can_index_explicitly_and_in_bulk(client, register):
    example = register["example"]
    Deliberation.objects.filter(pk=example.pk).update(title="Soutien au pôle des Microtechniques et au vélo")
    example.refresh_from_db()
    assert numbers(client.get("/", {"q": "velo"})) == []
    index_deliberation(example)  # what the clerk's publish path calls
    assert numbers(client.get("/", {"q": "Vélo"})) == ["2021/005795"]
    bulk = Deliberation.objects.bulk_create(
        [
            Deliberation(
                authority=example.authority,
                item=example.item,
                number=f"2021/00{n}",
                year=2021,
                sequence=n,
                title=f"Convention ornithologique n°{n}",
                status=Deliberation.PUBLISHED,
                published_at=example.published_at,
            )
            for n in (7001, 7002)
        ]
    )
    assert numbers(client.get("/", {"q": "ornithologique"})) == []
    assert index_deliberations([d.pk for d in bulk]) == 2
    assert sorted(numbers(client.get("/", {"q": "ornithologiques"}))) == ["2021/007001", "2021/007002"]
    assert index_deliberations() == Deliberation.objects.filter(status=Deliberation.PUBLISHED).count()
    assert sorted(numbers(client.get("/", {"q": "ornithologiques"}))) == ["2021/007001", "2021/007002"]


def test_a_query_of_function_words_only_says_so(client, register):
    response = client.get("/", {"q": "le de la"})
    assert response.status_code == 200 and numbers(response) == []
    assert "aucun mot significatif" in response.content.decode()


def test_search_syntax_is_plain_text(client, register):
    for query in [
        '"subvention',
        "subvention*",
        "NEAR(a b)",
        "title:subvention",
        "a OR b",
        "-(",
        "'; DROP TABLE x;--",
        "subvention & numérique | !",
        "\\",
        "%_%",
    ]:
        response = client.get("/", {"q": query})
        assert response.status_code == 200, query


def test_indexed_words_are_folded_and_stemmed():
    assert terms("Les Subventions numériques de l'Établissement") == ["subvent", "numer", "etabl"]
    assert terms("subvention") == terms("SUBVENTIONS")


def test_a_search_too_broad_to_rank_lists_the_most_recent_first_and_says_so(client, register, monkeypatch):
    from registre.web.front import views

    monkeypatch.setattr(views, "RANK_LIMIT", 1)
    response = client.get("/", {"q": "subvention"})
    assert numbers(response) == ["2021/005796", "2021/005795"]  # 5796 recorded after the example
    assert "classées de la plus récemment enregistrée" in response.content.decode()
    assert numbers(client.get("/", {"q": "microtechniques"})) == ["2021/005795"]
