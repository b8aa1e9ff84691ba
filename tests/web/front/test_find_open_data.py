"""From the public home page, a visitor finds the open data and the API."""


def test_the_home_page_links_the_open_data_and_the_api(client, register):
    html = client.get("/").content.decode()
    assert 'href="/donnees/"' in html and 'href="/api/v1/"' in html and 'href="/api/docs/"' in html
    assert client.get("/donnees/").status_code == 200 and client.get("/api/v1/").status_code == 200
