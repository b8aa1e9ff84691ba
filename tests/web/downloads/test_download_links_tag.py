from django.template import Context, Template


def _render(source, **context):
    return Template("{% load downloads %}" + source).render(Context(context))


def test_public_links_only_for_a_published_deliberation(client, demo):
    deliberation = demo["deliberation"]
    html = _render("{% download_links d %}", d=deliberation)
    assert "Télécharger l&#x27;extrait (PDF)" in html and "Télécharger l&#x27;extrait (DOCX)" in html
    href = html.split('href="')[1].split('"')[0]
    assert client.get(href).status_code == 200
    deliberation.status = "draft"  # as a draft would be (never saved: published stays published)
    assert "Télécharger" not in _render("{% download_links d %}", d=deliberation)


def test_clerk_links_for_a_meeting(client_for, demo):
    meeting = demo["deliberation"].item.meeting
    html = _render("{% clerk_download_links m %}", m=meeting)
    assert "Télécharger le procès-verbal (PDF)" in html and "liste des délibérations (DOCX)" in html
    href = html.split('href="')[1].split('"')[0]
    assert client_for("greffe").get(href).status_code == 200


def test_public_links_for_a_meeting(client, demo, draft_elsewhere):
    meeting = demo["deliberation"].item.meeting
    html = _render("{% download_links m %}", m=meeting)
    assert "Télécharger la liste des délibérations (PDF)" in html
    assert client.get(html.split('href="')[1].split('"')[0]).status_code == 200
    assert "Télécharger" not in _render("{% download_links m %}", m=draft_elsewhere.item.meeting)
