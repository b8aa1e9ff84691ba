import pytest


@pytest.mark.parametrize("kind", ["list", "minutes"])
def test_clerk_meeting_documents(client_for, demo, kind):
    meeting = demo["deliberation"].item.meeting
    response = client_for("greffe").get(f"/documents/greffe/seances/{meeting.pk}/{kind}.docx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")


def test_clerk_extract_of_a_draft(client_for, draft_elsewhere):
    deliberation = draft_elsewhere
    response = client_for("greffe").get(f"/documents/greffe/deliberations/{deliberation.pk}/extrait.pdf")
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


def test_other_authority_and_anonymous(client, client_for, demo):
    deliberation = demo["deliberation"]
    url = f"/documents/greffe/deliberations/{deliberation.pk}/extrait.pdf"
    assert client_for("greffe-voisine").get(url).status_code == 404
    meeting_url = f"/documents/greffe/seances/{deliberation.item.meeting.pk}/minutes.pdf"
    assert client_for("greffe-voisine").get(meeting_url).status_code == 404
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/comptes/")
