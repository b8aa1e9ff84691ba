import pytest

from registre.web.api.models import ApiToken


@pytest.fixture
def token_for(demo):
    """token_for("greffe") -> the "Authorization" header value of a fresh token of that clerk."""

    def issue(username: str) -> str:
        _token, key = ApiToken.issue(demo["users"][username])
        return f"Token {key}"

    return issue


@pytest.fixture
def draft(demo):
    """A second deliberation of the example meeting, as a clerk would have prepared it: a draft."""
    from registre.web.register.models import Deliberation

    published = demo["deliberation"]
    item = published.item.meeting.items.exclude(pk=published.item_id).order_by("position").first()
    item.unanimous = True  # the extract prints only item 19's vote: this one was adopted unanimously
    item.save()
    return Deliberation.objects.create(
        authority=published.authority,
        item=item,
        number="2021/005796",
        year=2021,
        sequence=5796,
        title="Projet de délibération de test",
        budget_line="",
    )
