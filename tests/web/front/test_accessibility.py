"""RGAA / WCAG AA basics on the public pages: French language, skip link, one h1, a label for every
field, errors tied to their field, keyboard focus visible, contrast of the palette."""

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

CSS = Path(__file__).resolve().parents[3] / "src/registre/web/static/registre/registre.css"


class Page(HTMLParser):
    def __init__(self, html):
        super().__init__()
        self.tags, self.labels, self.ids, self.headings = [], set(), set(), []
        self._heading = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "label" and attrs.get("for"):
            self.labels.add(attrs["for"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))

    def fields(self):
        for tag, attrs in self.tags:
            if tag in ("input", "select", "textarea") and attrs.get("type") not in ("hidden", "submit"):
                yield tag, attrs


def pages(register):
    return [
        "/",
        "/?q=subvention&date_from=2021-01-01",
        "/?date_from=abc&page=zzz",
        f"/seances/{register['meeting'].pk}/",
        "/deliberations/grand-besancon-metropole/2021/5795/",
        "/deliberations/nulle-part/1/1/",
    ]


@pytest.mark.parametrize("index", range(6))
def test_page_basics(client, register, index):
    url = pages(register)[index]
    html = client.get(url).content.decode()
    page = Page(html)
    assert '<html lang="fr">' in html
    skip = next(attrs for tag, attrs in page.tags if tag == "a")
    assert skip.get("class") == "skip-link" and skip["href"].lstrip("#") in page.ids
    assert page.headings.count(1) == 1 and page.headings[0] == 1
    assert all(b - a <= 1 for a, b in zip(page.headings, page.headings[1:], strict=False)), (
        page.headings
    )  # no skipped level
    assert re.search(r"<title>[^<]+</title>", html)
    for tag, attrs in page.fields():
        assert attrs.get("id") in page.labels, (url, tag, attrs)
        for described in (attrs.get("aria-describedby") or "").split():
            assert described in page.ids, (url, described)
    for tag, attrs in page.tags:
        if tag == "img":
            assert "alt" in attrs
        if tag in ("nav", "form") and tag == "nav":
            assert attrs.get("aria-label"), (url, attrs)


def test_the_search_form_is_a_search_landmark_with_a_visible_button(client, register):
    html = client.get("/").content.decode()
    assert 'role="search"' in html and '<button type="submit">Rechercher</button>' in html
    assert "<legend>Affiner</legend>" in html


def test_errors_are_announced_and_linked_to_their_field(client, register):
    html = client.get("/", {"date_from": "abc"}).content.decode()
    assert 'role="alert"' in html and 'href="#id_date_from"' in html
    assert re.search(
        r'id="id_date_from"[^>]*aria-invalid="true"[^>]*aria-describedby="id_date_from_errors"', html
    )
    assert 'id="id_date_from" value=""' in html  # a date input cannot hold "abc" (Nu HTML Checker)


def _luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_focus_is_visible_and_the_palette_meets_wcag_aa_contrast():
    css = CSS.read_text()
    assert re.search(r"a:focus[^{]*\{\s*outline: 3px solid", css)
    palette = dict(re.findall(r"--(\w+): (#[0-9a-f]{6})", css))
    pairs = [
        ("ink", "paper"),
        ("link", "paper"),
        ("muted", "paper"),
        ("bad", "paper"),
        ("ok", "paper"),
        ("warn", "paper"),
    ]
    for foreground, background in pairs:
        assert _contrast(palette[foreground], palette[background]) >= 4.5, (foreground, background)
    assert _contrast("#ffffff", palette["link"]) >= 4.5  # button text
    assert _contrast(palette["bad"], "#fdf0f0") >= 4.5  # error summary
    assert _contrast(palette["muted"], "#f1f1f1") >= 4.5
    assert _contrast(palette["ink"], "#fdf6e8") >= 4.5
