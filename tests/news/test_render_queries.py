"""How much database work one uncached article page costs: the page the benchmark
renders (`bench/pages.py`), built from scratch."""

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext

from tests.comments.moderation_setup import make_comment
from tests.factories import make_article, make_home, make_image, make_section, vn_time
from toasoan.comments.models import Comment
from toasoan.news import pagecache

MAX_QUERIES = 10


class ArticleRenderQueriesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        section = make_section(home, "Thời sự")
        images = [make_image(f"Ảnh {n}") for n in range(5)]
        for day in range(1, 11):
            make_article(section, f"Bài cũ {day}", vn_time(2026, 1, day))
        body = [{"type": "text", "value": "<p>Đoạn mở đầu.</p>"}] + [
            {"type": "image", "value": {"image": image.pk, "caption": f"Chú thích {n}"}}
            for n, image in enumerate(images[1:], start=1)
        ]
        cls.article = make_article(section, "Bài có đủ thành phần", vn_time(2026, 1, 15),
                                   image=images[0], caption="Ảnh chính", body=body,
                                   authors=("Trần Minh", "Lê Hoa"), tags=("Nông thôn mới",))
        for day in range(16, 26):
            make_article(section, f"Bài mới {day}", vn_time(2026, 1, day))
        for n in range(30):
            make_comment(cls.article, f"Ý kiến {n}", vn_time(2026, 1, 15, 9),
                         status=Comment.Status.APPROVED)

    def test_an_uncached_article_page_takes_at_most_ten_queries(self):
        self.client.get(self.article.url)  # renditions are made once, on the first view
        self.client.get("/thoi-su/")  # the menu's and settings' own first reads
        self.assertEqual(self.client.get(self.article.url)["X-Cache"], "hit")
        pagecache.bump([f"article:{self.article.pk}"])  # as after an edit
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.article.url)
        self.assertEqual(response["X-Cache"], "miss")
        html = response.content.decode()
        self.assertEqual(html.count('class="comment"'), 30)
        self.assertEqual(html.count("<picture"), 5)
        self.assertEqual(html.count("Bài cũ") + html.count("Bài mới"), 20)
        self.assertLessEqual(len(queries), MAX_QUERIES,
                             "\n".join(query["sql"][:200] for query in queries))
