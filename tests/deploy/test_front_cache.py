"""nginx's page cache in front of toasoan (deploy/nginx/toasoan.conf): pages come from it,
and every change purges what it made out of date before anyone can read the old page."""

import re
import uuid

import pytest
import requests

pytestmark = pytest.mark.deploy


def cached(deployment, path):
    """Fetch `path` until nginx answers it from its cache; the page."""
    for _ in range(3):
        response = deployment.get(path)
        assert response.status_code == 200, (path, response.status_code)
        if response.headers.get("X-Front-Cache") == "HIT":
            return response
    raise AssertionError(f"{path} never came from the front cache: "
                         f"{response.headers.get('X-Front-Cache')}")


def test_a_publish_reaches_every_page_that_shows_the_article(deployment):
    pages = deployment.change("pages")
    showing = [pages["article_url"], pages["older_url"], pages["section_url"], "/"]
    for path in showing:
        assert pages["title"] in cached(deployment, path).text, path

    title = f"Huyện phát động phong trào thi đua năm 2027 ({uuid.uuid4().hex[:6]})"
    deployment.change("retitle", str(pages["article"]), title)

    for path in showing:
        response = deployment.get(path)
        assert title in response.text, f"{path} still shows the old title"
        assert response.headers.get("X-Front-Cache") != "HIT", path


def test_an_approved_comment_shows_at_once(deployment):
    pages = deployment.change("pages")
    cached(deployment, pages["article_url"])
    title = f"Ý kiến về lịch tiếp công dân {uuid.uuid4().hex[:6]}"

    deployment.change("approve-comment", str(pages["article"]), title)

    assert title in deployment.get(pages["article_url"]).text


def test_what_is_not_the_same_for_everyone_is_never_kept(deployment):
    for path in ["/tim-kiem/?q=huyen", "/admin/login/", "/binh-luan/ma-xac-nhan/"]:
        for _ in range(2):
            response = deployment.get(path)
            assert response.headers.get("X-Front-Cache") != "HIT", path
    # An editor signed in sees the site as it is, never a kept copy.
    pages = deployment.change("pages")
    cached(deployment, pages["article_url"])
    signed_in = deployment.get(pages["article_url"], cookies={"sessionid": "x"})
    assert signed_in.headers.get("X-Front-Cache") == "BYPASS"


def test_readers_cannot_purge(deployment):
    pages = deployment.change("pages")
    cached(deployment, pages["article_url"])
    requests.request("PURGE", f"{deployment.url}{pages['article_url']}", verify=False,
                     timeout=15)

    assert deployment.get(pages["article_url"]).headers.get("X-Front-Cache") == "HIT"


def test_static_and_media_files_come_from_nginx(deployment):
    home = deployment.get("/").text
    stylesheet = re.search(r'href="(/static/[^"]+\.css)"', home)[1]
    image = re.search(r'src="(/media/[^"]+)"', home)[1]

    css = deployment.get(stylesheet)
    assert css.status_code == 200 and "immutable" in css.headers["Cache-Control"]
    picture = deployment.get(image)
    assert picture.status_code == 200 and picture.headers["Content-Type"].startswith("image/")


def test_plain_http_goes_to_https(deployment):
    response = requests.get(f"http://127.0.0.1:{deployment.nginx.http_port}/",
                            headers={"Host": "localhost"}, allow_redirects=False, timeout=15)

    assert response.status_code == 301
    assert response.headers["Location"].startswith("https://localhost")
