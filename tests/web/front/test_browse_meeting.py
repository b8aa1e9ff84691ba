"""A visitor opens a meeting: its published deliberations, nothing else."""

from .conftest import numbers


def test_the_meeting_page_lists_its_published_deliberations_in_order_of_passage(client, register):
    response = client.get(f"/seances/{register['meeting'].pk}/")
    assert response.status_code == 200
    assert numbers(response) == ["2021/005795", "2021/005796", "2021/005797"]  # not the draft 5798
    html = response.content.decode()
    assert "Projet confidentiel" not in html and "7\u00a0octobre 2021" in html


def test_a_meeting_without_published_deliberation_does_not_exist_for_the_public(client, register, client_for):
    for visitor in (client, client_for("greffe-voisine"), client_for("greffe")):
        assert visitor.get(f"/seances/{register['hidden_meeting'].pk}/").status_code == 404
        assert visitor.get("/seances/999999/").status_code == 404
        assert visitor.get("/", {"meeting": register["hidden_meeting"].pk}).status_code == 404


def test_the_list_can_be_narrowed_to_one_meeting(client, register):
    response = client.get("/", {"meeting": register["other_meeting"].pk})
    assert numbers(response) == ["2021/000012"]
    assert "séance du 14\u00a0mars 2023" in response.content.decode()
    assert numbers(client.get("/", {"meeting": register["meeting"].pk, "q": "numérique"})) == [
        "2021/005797",
        "2021/005795",
    ]
