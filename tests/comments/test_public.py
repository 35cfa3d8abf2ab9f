"""What every reader sees of comments: approved ones only, oldest first, as plain text,
with the editors' replies, and never anyone's phone number."""

import re
from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.comments.helpers import CHALLENGE_URL, Reader, answer, comment_url, make_site
from tests.comments.html import parse
from tests.comments.reading import phone_pattern
from tests.factories import make_article
from toasoan.comments.models import Comment
from toasoan.comments.moderation import moderate

VN = ZoneInfo("Asia/Ho_Chi_Minh")
Status = Comment.Status
def make_comment(page, when, *, status=Status.APPROVED, **fields):
    comment = Comment.objects.create(
        page=page, status=status, consent_at=when, consent_version="2026-01",
        **{"name": "Người đọc", "title": "Ý kiến", "content": "Nội dung ý kiến.", **fields},
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=when)
    comment.refresh_from_db()
    return comment


class PublicCommentsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.section, cls.article, cls.site = make_site()
        cls.other = make_article(cls.section, "Bài khác", datetime(2026, 1, 9, 8, tzinfo=VN))
        when = lambda hour, minute=0: datetime(2026, 1, 8, hour, minute, tzinfo=VN)  # noqa: E731
        cls.second = make_comment(
            cls.article, when(9, 5), name="Nguyễn Văn An", title="Về con đường liên xã",
            phone="+84912345678",
            content="Dòng một\nDòng hai <b>đậm</b> <script>alert(1)</script>\n"
                    'Xem http://vi-du.vn và <a href="http://x.vn">đây</a> & "trích dẫn"',
            reply="Cảm ơn bạn. Huyện sẽ sửa trong quý I.\nTrân trọng.",
        )
        cls.first = make_comment(cls.article, when(8, 0), name="Trần Thị Bình",
                                 title="Đồng tình", phone="+842438251234",
                                 content="Tôi đồng tình với chủ trương này.")
        cls.third = make_comment(cls.article, when(16, 4), name="Lê Cường",
                                 title="Thêm một ý", content="Mong sớm triển khai.")
        cls.hidden = [
            make_comment(cls.article, when(10), status=status, name=f"Ẩn {status}",
                         title=f"Tiêu đề {status} không công khai",
                         content=f"Nội dung {status} không công khai.", phone="+84987654321")
            for status in (Status.PENDING, Status.REJECTED, Status.SPAM)
        ]
        make_comment(cls.other, when(11), name="Ở bài khác", title="Bài khác",
                     content="Không thuộc bài này.")

    def setUp(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, 200)
        self.html = response.content.decode()
        self.page = parse(self.html)
        self.section = self.page.find("section", class_="comments")

    def items(self):
        return self.section.find_all("li", class_="comment")

    def test_approved_comments_oldest_first_with_the_count(self):
        self.assertEqual(self.section.find("h2").text, "Bình luận (3)")
        self.assertEqual([item.attrs["id"] for item in self.items()],
                         [f"bl-{c.pk}" for c in (self.first, self.second, self.third)])

    def test_each_shows_name_title_and_time(self):
        item = self.page.by_id(f"bl-{self.third.pk}")
        self.assertEqual(item.find(class_="comment-name").text, "Lê Cường")
        self.assertEqual(item.find("h3", class_="comment-title").text, "Thêm một ý")
        time = item.find("time")
        self.assertEqual(time.text, "16:04 08/01/2026")
        self.assertEqual(time.attrs["datetime"], "2026-01-08T16:04:00+07:00")
        self.assertEqual(item.find(class_="comment-content").text, "Mong sớm triển khai.")

    def test_content_keeps_line_breaks_and_runs_no_markup(self):
        item = self.page.by_id(f"bl-{self.second.pk}")
        content = item.find(class_="comment-content")
        self.assertEqual(content.text, self.second.content)  # shown exactly as written
        self.assertIn("Dòng một<br>Dòng hai &lt;b&gt;đậm&lt;/b&gt; &lt;script&gt;", self.html)
        self.assertEqual([node.tag for node in content.iter()][1:], ["br", "br"])
        self.assertNotIn("<script>alert", self.html)
        # Links are text, not links.
        self.assertEqual(self.section.find_all("a"), [])

    def test_official_reply_under_the_comment_it_answers(self):
        reply = self.page.by_id(f"bl-{self.second.pk}").find(class_="comment-reply")
        self.assertEqual(reply.find(class_="comment-reply-label").text, "Ban biên tập trả lời:")
        self.assertIn("Cảm ơn bạn. Huyện sẽ sửa trong quý I.\nTrân trọng.", reply.text)
        self.assertEqual(len(self.section.find_all(class_="comment-reply")), 1)

    def test_pending_rejected_and_spam_never_show(self):
        for comment in self.hidden:
            self.assertNotIn(comment.name, self.html)
            self.assertNotIn(comment.title, self.html)
            self.assertNotIn(comment.content, self.html)
        self.assertNotIn("Ở bài khác", self.html)

    def test_approving_shows_the_comment_at_once(self):
        pending = self.hidden[0]
        moderator = get_user_model().objects.create_user("bientap", password="x")
        self.client.get(self.article.url)  # the page is cached before the decision
        with self.captureOnCommitCallbacks(execute=True):
            moderate(pending, "approve", moderator)
        html = self.client.get(self.article.url).content.decode()
        self.assertIn("Bình luận (4)", html)
        self.assertIn(pending.title, html)

    def test_no_comments_yet(self):
        Comment.objects.filter(page=self.other).delete()
        page = parse(self.client.get(self.other.url).content.decode())
        section = page.find("section", class_="comments")
        self.assertEqual(section.find("h2").text, "Bình luận (0)")
        self.assertIn("Chưa có bình luận nào được duyệt.", section.text)


class PhoneNeverPublicTests(TestCase):
    """The phone number appears in no public page, feed or response, whatever its form."""

    PHONES = ("+84912345678", "+842438251234", "+84987654321", "+84386123456")

    @classmethod
    def setUpTestData(cls):
        cls.home, cls.section, cls.article, cls.site = make_site()
        when = datetime(2026, 1, 8, 9, tzinfo=VN)
        cls.approved = make_comment(cls.article, when, phone=cls.PHONES[0],
                                    reply="Ban biên tập đã liên hệ lại với bạn.")
        make_comment(cls.article, when, phone=cls.PHONES[1], title="Ý kiến thứ hai")
        make_comment(cls.article, when, phone=cls.PHONES[2], status=Status.PENDING)

    def test_patterns_catch_the_forms_people_write(self):
        pattern = phone_pattern("+84912345678")
        for written in ("+84912345678", "84 912 345 678", "0912345678", "0912 345 678",
                        "0912.345.678", "(091) 234-5678", "912345678", "0912-345-678",
                        "0912\u00a0345\u00a0678"):
            self.assertRegex(written, pattern)
        self.assertNotRegex("0912 345 679", pattern)

    def assert_no_phone(self, url, text):
        for phone in self.PHONES:
            found = phone_pattern(phone).search(text)
            self.assertIsNone(found, f"{phone} as {found and found[0]!r} in {url}")
            masked = f"0{phone[3:6]}***{phone[-3:]}"
            self.assertNotIn(masked, text, url)

    def test_no_public_page_or_endpoint_shows_a_phone_number(self):
        reader = Reader(self.client)
        # A reader sends one more comment with the fourth phone number.
        data = reader.form(phone="0386 123 456", content="Gửi kèm số điện thoại của tôi.")
        sent_json = reader.send(self.article, data)
        self.assertEqual(sent_json.status_code, 201)
        fallback = self.client.get(comment_url(self.article)).content.decode()
        values = {**data, "content": "Lần nữa, từ trang không có JavaScript.",
                  "captcha_0": re.search(r'name="captcha_0" value="(\w+)"', fallback)[1]}
        values["captcha_1"] = answer(values["captcha_0"])
        values["shown"] = re.search(r'name="shown" value="([^"]+)"', fallback)[1]
        sent_html = reader.send(self.article, values, json=False)
        self.assertEqual(sent_html.status_code, 200)
        self.assertIn("Bình luận đã được gửi", sent_html.content.decode())
        # Every comment approved now, so the page shows them all.
        Comment.objects.update(status=Status.APPROVED)

        bodies = {
            "sent (JSON)": sent_json.content.decode(),
            "sent (fallback page)": sent_html.content.decode(),
            "fallback page": fallback,
        }
        for url in (self.article.url, self.section.url, self.home.url, "/sitemap.xml",
                    "/robots.txt", "/rss.xml", f"{self.section.url}rss.xml",
                    "/tim-kiem/?q=Ng%C6%B0%E1%BB%9Di+%C4%91%E1%BB%8Dc", CHALLENGE_URL,
                    f"{CHALLENGE_URL}?kieu=cau-hoi", comment_url(self.article),
                    "/chinh-sach-du-lieu-ca-nhan/", "/khong-co-trang-nay/",
                    f"/api/luot-xem/{self.article.pk}/"):
            response = self.client.get(url)
            self.assertLess(response.status_code, 500, url)
            bodies[url] = response.content.decode()
        self.assertIn("Gửi kèm số điện thoại của tôi.", bodies[self.article.url])
        self.assertIn("Ban biên tập đã liên hệ lại với bạn.", bodies[self.article.url])
        for url, text in bodies.items():
            self.assert_no_phone(url, text)
