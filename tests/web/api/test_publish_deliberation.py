"""A clerk's software publishes through the API: the same service as the clerk pages, so the same
refusals (reason, figures, legal source; nothing changed) and the same acknowledgements."""

import pytest

from registre.web.register.models import Deliberation, PublishedAct

from ..publication_cases import BLOCKING, WARNINGS, prepare


def _publish(client, auth, deliberation, acknowledged=None):
    body = {} if acknowledged is None else {"acknowledged": acknowledged}
    return client.post(
        f"/api/v1/clerk/deliberations/{deliberation.pk}/publish/",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=auth,
    )


@pytest.mark.parametrize("case", BLOCKING, ids=[c.name for c in BLOCKING])
def test_a_blocking_finding_is_refused_with_its_reason(client, token_for, meeting, case):
    deliberation = prepare(case, meeting)
    acts_before = PublishedAct.objects.count()
    response = _publish(client, token_for("greffe"), deliberation)
    assert response.status_code == 400
    body = response.json()
    assert body["code"] == "publication_refused"
    reasons = [r for r in body["reasons"] if r["code"] == case.code]
    assert reasons and any(case.fragment in r["message"] for r in reasons), body
    assert all(r["blocking"] and r["source"] for r in body["reasons"])
    assert case.fragment in body["detail"]
    deliberation.refresh_from_db()
    assert deliberation.status == Deliberation.DRAFT and deliberation.number == ""
    assert PublishedAct.objects.count() == acts_before


@pytest.mark.parametrize("case", WARNINGS, ids=[c.name for c in WARNINGS])
def test_a_warning_is_published_only_once_acknowledged(client, token_for, meeting, case):
    deliberation = prepare(case, meeting)
    auth = token_for("greffe")
    asked = _publish(client, auth, deliberation)
    assert asked.status_code == 400 and asked.json()["code"] == "acknowledgement_required"
    warnings = asked.json()["warnings"]
    assert any(w["code"] == case.code and case.fragment in w["message"] for w in warnings)
    deliberation.refresh_from_db()
    assert deliberation.status == Deliberation.DRAFT
    published = _publish(client, auth, deliberation, [w["key"] for w in warnings])
    assert published.status_code == 200, published.json()
    record = published.json()
    assert record["status"] == "published" and len(record["fingerprint"]) == 64
    assert any(case.fragment in w for w in record["warnings_acknowledged"])
    act = PublishedAct.objects.get(deliberation=deliberation)
    assert case.code in [w["code"] for w in act.data["warnings_acknowledged"]]
    assert act.data["published_by"] == "greffe"
    public = client.get(f"/api/v1/deliberations/{deliberation.pk}/").json()
    assert public["fingerprint"] == act.fingerprint and public["in_force"] is True
