import pytest

pytestmark = pytest.mark.django_db


def test_pages_forbid_framing_and_inline_scripts_and_styles(client):
    response = client.get("/accessibility/")
    assert response["X-Frame-Options"] == "DENY"
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_pages_contain_no_inline_script_or_style(client):
    for url in ["/", "/accessibility/", "/privacy/", "/cookies/", "/accounts/sign-in/"]:
        html = client.get(url).content.decode()
        assert " style=" not in html, url
        for chunk in html.split("<script")[1:]:
            assert "src=" in chunk.split(">")[0], f"inline script on {url}"


def test_workspace_needs_sign_in(client):
    response = client.get("/workspace/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")
