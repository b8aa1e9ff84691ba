"""A visitor searches the published deliberations in French: stems, accents and case are ignored,
and nothing unpublished is ever found."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction

from registre.web.front.search import index_deliberation, index_deliberations, remove_entries, terms
from registre.web.register.models import Deliberation, PublishedRecordError

from ..conftest import publish_accepting_warnings
from .conftest import numbers, published_series


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


def test_the_index_follows_publication_and_a_published_act_stays_found(client, register):
    draft = register["draft"]
    draft.title = "Subvention exceptionnelle au club d'aviron"  # changed while a draft
    draft.save()
    assert numbers(client.get("/", {"q": "aviron"})) == []
    publish_accepting_warnings(draft)
    assert numbers(client.get("/", {"q": "kayak"})) == []
    assert numbers(client.get("/", {"q": "aviron"})) == ["2021/005798"]
    draft.status = Deliberation.DRAFT  # never withdrawn to draft: a withdrawal is a new act
    with pytest.raises(PublishedRecordError), transaction.atomic():
        draft.save()
    with pytest.raises(PublishedRecordError), transaction.atomic():
        draft.delete()
    assert numbers(client.get("/", {"q": "aviron"})) == ["2021/005798"]


def test_a_deleted_draft_leaves_no_entry(client, register):
    hidden = register["hidden"]
    Deliberation.objects.filter(pk=hidden.pk).delete()
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM front_search WHERE rowid = %s", [hidden.pk])
        assert cursor.fetchone() == (0,)


def test_a_status_changed_behind_the_index_is_refused_by_the_database(client, register):
    with pytest.raises(IntegrityError), transaction.atomic():
        Deliberation.objects.filter(pk=register["grants"].pk).update(status=Deliberation.DRAFT)  # no signal
    assert numbers(client.get("/", {"q": "sportives"})) == ["2021/005796"]


def test_the_register_can_index_explicitly_and_in_bulk(client, register):
    acts = published_series(
        register["example"].authority,
        dt.date(2021, 11, 4),
        [f"Convention ornithologique n°{n}" for n in (1, 2)],
    )
    ids = [act.deliberation_id for act in acts]
    remove_entries(ids)
    assert numbers(client.get("/", {"q": "ornithologique"})) == []
    index_deliberation(Deliberation.objects.get(pk=ids[0]))  # what the publication service calls
    assert numbers(client.get("/", {"q": "ornithologique"})) == [acts[0].number]
    assert index_deliberations(ids) == 2
    assert sorted(numbers(client.get("/", {"q": "ornithologiques"}))) == sorted(a.number for a in acts)
    assert index_deliberations() == Deliberation.objects.filter(status=Deliberation.PUBLISHED).count()
    assert sorted(numbers(client.get("/", {"q": "ornithologiques"}))) == sorted(a.number for a in acts)


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
