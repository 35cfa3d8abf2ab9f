"""The README's two screenshots: the demo's home page on a phone (360 px) and its sample
article on a desktop (1280 px), one screen high each.

    .venv/bin/python bench/screenshots.py [--url URL] [--out docs/screenshots]

Without --url, sets up the demo on a temporary data dir and serves it with the
production server, as bench/lighthouse.py does. With --url (a demo portal's address),
the article is the first of the home page's "Tin mới" list. Uses Debian's
/usr/bin/chromium through Playwright. Writes home-360.png and article-1280.png.
"""

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "bench"))

from demo_server import DemoServer  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
SHOTS = [  # file, page, viewport
    ("home-360.png", "home", {"width": 360, "height": 800}),
    ("article-1280.png", "article", {"width": 1280, "height": 800}),
]
# Pictures below the first screen are lazy: only those on it need to have loaded.
ON_SCREEN_PICTURES_LOADED = """() => [...document.images]
    .filter(img => img.getBoundingClientRect().top < innerHeight)
    .every(img => img.complete)"""


def take(base_url, article_path, out):
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM,
                                             args=["--no-sandbox", "--disable-gpu"])
        try:
            for file, name, viewport in SHOTS:
                context = browser.new_context(base_url=base_url, viewport=viewport,
                                              is_mobile=viewport["width"] < 600,
                                              device_scale_factor=1)
                page = context.new_page()
                if name == "article" and article_path is None:
                    page.goto("/")
                    article_path = page.locator(
                        "section.latest .item-title a").first.get_attribute("href")
                page.goto("/" if name == "home" else article_path)
                page.wait_for_load_state("networkidle")
                page.wait_for_function(ON_SCREEN_PICTURES_LOADED)
                page.screenshot(path=out / file)  # one screen, not the full page
                print(f"{out / file}: {(out / file).stat().st_size:,} bytes")
                context.close()
        finally:
            browser.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="a running demo portal instead of a new one")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    options = parser.parse_args()
    if options.url:
        take(options.url.rstrip("/"), None, options.out)
    else:
        with DemoServer() as server:
            take(server.url, server.sample_article_path(), options.out)


if __name__ == "__main__":
    main()
