"""The hostile-input corpus through the real HTTP form, in every field.

Whatever is sent: never a 500, always a 2xx or 4xx that tells the reader in Vietnamese;
what gets stored is NFC text without bidirectional overrides, zero-width or control
characters; and once approved, nothing of it runs in a browser: the article page shows
every stored comment as exactly its text, with no element or attribute from the input.
"""

import json
import time
import unicodedata
from urllib.parse import urlencode

from captcha.models import CaptchaStore
from django.conf import settings
from django.test import TestCase

from tests.comments import hostile_corpus as corpus
from tests.comments.helpers import ENGLISH, VIETNAMESE, comment_url, make_site
from tests.comments.html import parse
from toasoan.comments.challenges import new_challenge
from toasoan.comments.models import Comment
from toasoan.comments.moderation import comments_changed

# What the approved-comments list is made of; anything else came from the input.
LIST_TAGS = {"section", "h2", "ol", "li", "p", "strong", "time", "h3", "br", "div"}
LIST_ATTRIBUTES = {"class", "id", "datetime", "aria-labelledby"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "data", "poster",
                  "xlink:href", "background"}
DANGEROUS_SCHEMES = ("javascript:", "vbscript:", "data:")
SLOTS = ("name", "title", "content", "every field at once in the page without JavaScript")


def markup(html):
    """Tags, attribute names, scripts and link targets of a page."""
    root = parse(html)
    nodes = list(root.iter())[1:]
    urls = [node.attrs[name] for node in nodes for name in node.attr_names
            if name in URL_ATTRIBUTES]
    return {
        "tags": {node.tag for node in nodes},
        "attributes": {name for node in nodes for name in node.attr_names},
        # Only the site's own script files, nothing inline.
        "scripts": sorted((node.attrs.get("src", ""), node.text) for node in nodes
                          if node.tag == "script"),
        "urls": urls,
    }


class HostileInputTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Short minimums so that as much hostile text as possible is stored (and must be
        # shown safely); rate limits out of the way; no minimum time.
        cls.home, cls.section, cls.article, cls.site = make_site(
            name_min=1, title_min=1, content_min=1, per_ip_per_hour=30000,
            per_phone_per_hour=30000,
        )

    def setUp(self):
        self.url = comment_url(self.article)
        self.problems = []
        self.serial = 0
        self.baseline = self.baseline_markup()

    # -- sending ---------------------------------------------------------------------

    def valid(self, **fields):
        challenge = new_challenge()
        self.serial += 1
        data = {
            "name": "Nguyễn Văn An", "phone": "", "title": "Góp ý",
            "content": f"Nội dung thử số {self.serial}.", "consent": "on",
            "captcha_0": challenge["key"],
            "captcha_1": CaptchaStore.objects.get(hashkey=challenge["key"]).response,
            "website": "", "shown": challenge["shown"],
        }
        data.update(fields)
        return data

    def post(self, data, *, json_reply, multipart=False):
        headers = {"HTTP_ACCEPT": "application/json"} if json_reply else {}
        if multipart:
            return self.client.post(self.url, data, **headers)
        return self.client.post(self.url, urlencode(data, doseq=True),
                                content_type="application/x-www-form-urlencoded", **headers)

    def baseline_markup(self):
        """What the fallback page is made of, empty, with every error, and after sending."""
        pages = [self.client.get(self.url)]
        pages.append(self.post({"phone": "x", "captcha_0": "x", "captcha_1": "x",
                                "consent": "on"}, json_reply=False))
        pages.append(self.post(self.valid(), json_reply=False))
        Comment.objects.all().delete()
        self.assertEqual([page.status_code for page in pages], [200, 400, 200])
        found = [markup(page.content.decode()) for page in pages]
        return {
            "tags": set().union(*(each["tags"] for each in found)),
            "attributes": set().union(*(each["attributes"] for each in found)),
            "scripts": found[0]["scripts"],
        }

    # -- checking each reply -----------------------------------------------------------

    def problem(self, label, text):
        self.problems.append(f"{label}: {text}")

    def check_reply(self, label, response, *, expect_body=True, comment_json=True):
        status = response.status_code
        if not 200 <= status < 500:
            self.problem(label, f"status {status}")
            return
        text = response.content.decode("utf-8", errors="replace")
        content_type = response.get("Content-Type", "")
        if content_type.startswith("application/json"):
            told = json.loads(text)
            if comment_json and set(told) not in ({"ok", "message", "errors"}, {"ok", "message"}):
                self.problem(label, f"JSON keys {sorted(told)}")
            text = json.dumps(told, ensure_ascii=False)
        elif content_type.startswith("text/html"):
            self.check_page(label, text)
        if not expect_body:
            return
        if not VIETNAMESE.search(text):
            self.problem(label, f"no Vietnamese in {status}: {text[:200]!r}")
        for phrase in ENGLISH:
            if phrase in text:
                self.problem(label, f"{phrase!r} in {status}")

    def check_page(self, label, html):
        """A page that may echo what was typed holds no element or attribute of it."""
        found = markup(html)
        extra_tags = found["tags"] - self.baseline["tags"]
        extra_attributes = found["attributes"] - self.baseline["attributes"]
        if extra_tags or extra_attributes:
            self.problem(label, f"markup from the input: {extra_tags} {extra_attributes}")
        if any(not src.startswith(settings.STATIC_URL) or text.strip()
               for src, text in found["scripts"]) or (
                   len(found["scripts"]) > len(self.baseline["scripts"])):
            self.problem(label, f"scripts {found['scripts']}")
        for url in found["urls"]:
            if url.strip().lower().startswith(DANGEROUS_SCHEMES):
                self.problem(label, f"link to {url[:60]!r}")

    def assert_no_problems(self):
        shown = "\n".join(self.problems[:30])
        self.assertEqual(self.problems, [], f"{len(self.problems)} problems:\n{shown}")

    # -- the tests ---------------------------------------------------------------------

    def test_typed_corpus_in_every_field(self):
        started = time.monotonic()
        cases = corpus.texts()
        self.assertGreaterEqual(len(cases), 500)
        for n, case in enumerate(cases):
            text = case.text
            # Half the cases as multipart/form-data; the title of half of them through the
            # page without JavaScript.
            multipart = n % 2 == 1
            label = f"{case.label!r} ({'multipart' if multipart else 'urlencoded'})"
            self.check_reply(f"{label}, {SLOTS[0]}", self.post(
                self.valid(name=text), json_reply=True, multipart=multipart))
            self.check_reply(f"{label}, {SLOTS[1]}", self.post(
                self.valid(title=text), json_reply=n % 4 < 2, multipart=multipart))
            self.check_reply(f"{label}, {SLOTS[2]}", self.post(
                self.valid(content=text), json_reply=True, multipart=multipart))
            everything = dict.fromkeys(("name", "phone", "title", "content", "website",
                                        "consent", "shown", "captcha_1", text), text)
            self.check_reply(f"{label}, {SLOTS[3]}", self.post(
                self.valid(**everything), json_reply=False, multipart=multipart))
        self.assert_no_problems()

        stored = list(Comment.objects.all())
        # Enough of the corpus got in to make showing it a real test.
        self.assertGreater(len(stored), len(cases))
        for dangerous in ("<script>", "<img src=x onerror=", "javascript:", "<svg onload=",
                          "</textarea>", "<iframe"):
            self.assertTrue(any(dangerous in comment.content for comment in stored), dangerous)
        self.check_stored_text(stored)
        self.check_article_page(stored)
        print(f"\nhostile corpus: {len(cases)} typed cases, {len(cases) * len(SLOTS)} requests, "
              f"{len(stored)} comments stored, {time.monotonic() - started:.1f} s")

    def check_stored_text(self, stored):
        for comment in stored:
            for name in ("name", "title", "content"):
                value = getattr(comment, name)
                label = f"comment {comment.pk} {name} {value[:40]!r}"
                if not unicodedata.is_normalized("NFC", value):
                    self.problem(label, "not NFC")
                for ch in set(value):
                    category = unicodedata.category(ch)
                    if category == "Cf" or (category == "Cc" and not (ch == "\n"
                                                                      and name == "content")):
                        self.problem(label, f"keeps U+{ord(ch):04X} ({category})")
                if "\ufffd" in value or value != value.strip() or not value:
                    self.problem(label, "replacement character, untrimmed or empty")
        self.assert_no_problems()

    def check_article_page(self, stored):
        before = markup(self.client.get(self.article.url).content.decode())
        with self.captureOnCommitCallbacks(execute=True):
            Comment.objects.update(status=Comment.Status.APPROVED)
            comments_changed(self.article.pk)  # what a moderator's decision sends
        html = self.client.get(self.article.url).content.decode()
        page = parse(html)
        self.assertEqual(markup(html)["scripts"], before["scripts"])
        section = page.find("section", class_="comments")
        self.assertEqual(section.find("h2").text, f"Bình luận ({len(stored)})")
        for node in section.iter():
            if node.tag not in LIST_TAGS:
                self.problem("article page", f"<{node.tag}> among the comments")
            for name in node.attr_names:
                if name not in LIST_ATTRIBUTES:
                    self.problem("article page", f"{name}= on <{node.tag}> among the comments")
        # Each comment shows exactly its text: nothing was taken as markup.
        items = {item.attrs["id"]: item for item in section.find_all("li")}
        for comment in stored:
            item = items.get(f"bl-{comment.pk}")
            if item is None:
                self.problem(f"comment {comment.pk}", "not shown")
                continue
            shown = (item.find(class_="comment-name").text,
                     item.find("h3", class_="comment-title").text,
                     item.find(class_="comment-content").text)
            if shown != (comment.name, comment.title, comment.content):
                self.problem(f"comment {comment.pk}", f"shown as {shown!r}")
        self.assert_no_problems()

    def test_the_page_check_catches_injected_markup(self):
        clean = self.client.get(self.url).content.decode()
        self.check_page("clean", clean)
        self.assertEqual(self.problems, [])
        for injected in ('<img src=x onerror="alert(1)">', "<script>alert(1)</script>",
                         '<a href=" javascript:alert(1)">x</a>', "<svg></svg>",
                         '<p onclick="alert(1)">x</p>'):
            self.problems = []
            self.check_page(injected, clean.replace("</main>", f"{injected}</main>"))
            self.assertNotEqual(self.problems, [], injected)

    def test_raw_requests(self):
        started = time.monotonic()
        count = 0
        for json_reply in (True, False):
            for request in corpus.raw_requests(lambda: list(self.valid().items())):
                count += 1
                headers = {"HTTP_ACCEPT": "application/json"} if json_reply else {}
                headers.update(request.headers)
                label = f"{request.label} ({'JSON' if json_reply else 'page'})"
                # `generic` sends the bytes as they are, whatever the charset says.
                response = self.client.generic(request.method.upper(), self.url, request.body,
                                               content_type=request.content_type, **headers)
                self.check_reply(label, response, expect_body=request.method != "head")
        self.assert_no_problems()
        self.check_stored_text(list(Comment.objects.all()))
        print(f"\nraw requests: {count // 2} cases, {count} requests, "
              f"{time.monotonic() - started:.1f} s")

    def test_hostile_headers_and_addresses_on_the_challenge_endpoint(self):
        for query in ("kieu=cau-hoi%00", "kieu=%3Cscript%3E", "kieu=" + "x" * 10000,
                      "%FF%FE=%FF", "kieu=cau-hoi&kieu=anh"):
            response = self.client.get(f"/binh-luan/ma-xac-nhan/?{query}",
                                       HTTP_USER_AGENT="\x00<script>")
            self.check_reply(query[:30], response, expect_body=False, comment_json=False)
            self.assertEqual(response.status_code, 200)
        for path in ("/binh-luan/bai/%00/", "/binh-luan/bai/1%20OR%201=1/",
                     "/binh-luan/bai/-1/", "/binh-luan/bai/" + "9" * 200 + "/",
                     "/binh-luan/bai/%3Cscript%3E/", "/binh-luan/bai/１２/"):
            for method in ("get", "post"):
                response = getattr(self.client, method)(path)
                self.check_reply(f"{method} {path[:40]}", response)
                self.assertEqual(response.status_code, 404, path)
        self.assert_no_problems()
