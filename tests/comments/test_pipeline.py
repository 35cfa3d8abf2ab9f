"""Each anti-abuse rule on its own, and what it leaves on the stored comment.

The rules run in order (honeypot, too fast, per-IP rate, per-phone rate, duplicate,
banned words, links, suspect words); every decision is recorded on the comment, so a
moderator sees why it is where it is.
"""

import itertools
import unicodedata
from datetime import timedelta
from types import SimpleNamespace

from django.test import RequestFactory, TestCase
from django.utils import timezone

from tests.comments.helpers import make_site, set_limits, shown_token
from toasoan.comments.forms import clean_multiline
from toasoan.comments.models import Comment, RateCount, WordRule
from toasoan.comments.pipeline import RULES, Submission
from toasoan.comments.receiving import receive

RULE_NAMES = [rule.__name__ for rule in RULES]
_serial = itertools.count(1)


def content(text="Đề nghị huyện sớm sửa đoạn đường liên xã qua thôn Đông"):
    """Every comment's text differs unless a test wants a duplicate."""
    return f"{text} (ý kiến số {next(_serial)})."


class PipelineTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        _home, _section, cls.article, cls.site = make_site()

    def setUp(self):
        self.limits = set_limits(self.site)

    def receive(self, *, ip="203.0.113.7", **fields):
        """What the view does with a comment that passed the form: screen it and store it."""
        data = {"name": "Trần Thị Bình", "phone": "", "title": "Ý kiến về giao thông",
                "content": content(), "website": "", "shown": shown_token(10)}
        data.update(fields)
        request = RequestFactory().post("/", REMOTE_ADDR=ip,
                                        HTTP_USER_AGENT="Mozilla/5.0 (thử nghiệm)")
        return receive(self.article, SimpleNamespace(cleaned_data=data, limits=self.limits),
                       request)

    def assert_rejected(self, result, comment, rule, message):
        self.assertIsNone(comment)
        self.assertEqual(result.outcome, "reject")
        self.assertEqual(result.decisions[-1].rule, rule)
        self.assertIn(message, result.message)

    def outcomes(self, comment):
        return [(flag["rule"], flag["outcome"]) for flag in comment.flags]


class RuleTests(PipelineTestCase):
    def test_a_good_comment_passes_every_rule_and_each_decision_is_recorded_in_order(self):
        result, comment = self.receive()
        comment.refresh_from_db()
        self.assertEqual(result.outcome, "pass")
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertEqual(self.outcomes(comment), [(name, "pass") for name in RULE_NAMES])
        self.assertEqual(comment.flag_names, [])
        too_fast = comment.flags[RULE_NAMES.index("too_fast")]
        self.assertEqual(too_fast["detail"], "10 giây")

    def test_honeypot_filled_is_stored_as_spam_and_ends_the_run(self):
        result, comment = self.receive(website="http://re-nhat.example")
        comment.refresh_from_db()
        self.assertEqual(result.outcome, "spam")
        self.assertEqual(result.message, "")  # the bot is not told
        self.assertEqual(comment.status, Comment.Status.SPAM)
        self.assertEqual(self.outcomes(comment), [("honeypot", "spam")])
        self.assertIn("Ô ẩn", comment.flags[0]["detail"])

    def test_too_fast_is_rejected_and_not_stored(self):
        self.limits.min_seconds = 3
        result, comment = self.receive(shown=shown_token(1))
        self.assert_rejected(result, comment, "too_fast", "quá nhanh")
        self.assertEqual([(d.rule, d.outcome) for d in result.decisions],
                         [("honeypot", "pass"), ("too_fast", "reject")])
        self.assertFalse(Comment.objects.exists())

    def test_waiting_long_enough_passes(self):
        self.limits.min_seconds = 3
        result, comment = self.receive(shown=shown_token(4))
        self.assertIsNotNone(comment)
        self.assertEqual(comment.flags[1], {"rule": "too_fast", "outcome": "pass",
                                            "detail": "4 giây"})

    def test_missing_forged_or_stale_form_time_is_rejected(self):
        stale = shown_token(2 * 3600)
        forged = shown_token(60)[:-3] + "abc"
        for shown in ("", "1700000000.000", forged, stale):
            with self.subTest(shown=shown):
                result, comment = self.receive(shown=shown)
                self.assert_rejected(result, comment, "too_fast", "Biểu mẫu đã hết hạn")

    def test_ip_rate_limit(self):
        self.limits.per_ip_per_hour = 3
        for _ in range(3):
            self.assertIsNotNone(self.receive(ip="203.0.113.7")[1])
        result, comment = self.receive(ip="203.0.113.7")
        self.assert_rejected(result, comment, "ip_rate", "quá nhiều bình luận trong một giờ")
        # Another reader is not held back by this one.
        self.assertIsNotNone(self.receive(ip="198.51.100.20")[1])
        self.assertEqual(Comment.objects.count(), 4)

    def test_rate_counters_keep_no_address_or_number_in_clear(self):
        self.receive(ip="203.0.113.7", phone="+84912345678")
        keys = " ".join(RateCount.objects.values_list("key", flat=True))
        self.assertEqual(RateCount.objects.count(), 2)
        self.assertNotIn("203.0.113", keys)
        self.assertNotIn("912345678", keys)

    def test_phone_rate_limit(self):
        self.limits.per_phone_per_hour = 2
        for n in range(2):
            self.assertIsNotNone(self.receive(ip=f"198.51.100.{n}", phone="+84912345678")[1])
        result, comment = self.receive(ip="198.51.100.9", phone="+84912345678")
        self.assert_rejected(result, comment, "phone_rate",
                             "Số điện thoại này đã gửi quá nhiều bình luận")
        self.assertIsNotNone(self.receive(ip="198.51.100.10", phone="+84987654321")[1])
        self.assertIsNotNone(self.receive(ip="198.51.100.11", phone="")[1])

    def test_duplicate_of_a_recent_comment_is_rejected(self):
        text = content()
        self.assertIsNotNone(self.receive(content=text)[1])
        result, comment = self.receive(content=text, ip="198.51.100.1")
        self.assert_rejected(result, comment, "duplicate", "trùng với một bình luận")
        self.assertEqual(Comment.objects.filter(content=text).count(), 1)

    def test_the_same_text_days_later_is_no_duplicate(self):
        text = content()
        self.receive(content=text)
        Comment.objects.update(created_at=timezone.now() - timedelta(days=2))
        self.assertIsNotNone(self.receive(content=text)[1])

    def test_banned_word_rejects_wherever_it_is(self):
        WordRule.objects.create(word="ngu", kind=WordRule.Kind.BANNED)
        for field, text in (("content", content("Viết bài như thế là ngu")),
                            ("title", "Ngu quá"), ("name", "Kẻ Ngu")):
            with self.subTest(field=field):
                result, comment = self.receive(**{field: text})
                self.assert_rejected(result, comment, "banned_words", "từ ngữ không phù hợp")
        self.assertFalse(Comment.objects.exists())

    def test_suspect_word_is_stored_for_a_moderator_with_its_flag(self):
        WordRule.objects.create(word="tham nhũng", kind=WordRule.Kind.SUSPECT)
        result, comment = self.receive(content=content("Có dấu hiệu THAM NHŨNG ở dự án"))
        comment.refresh_from_db()
        self.assertEqual(result.outcome, "suspect")
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertEqual(comment.flags[-1], {"rule": "suspect_words", "outcome": "suspect",
                                             "detail": "tham nhũng"})
        self.assertEqual(comment.flag_names, ["suspect_words"])

    def test_more_links_than_allowed_are_held_as_suspect(self):
        self.limits.max_links = 2
        text = content("Xem http://a.example.vn, www.b-tin.com và thongtin.vn")
        result, comment = self.receive(content=text)
        comment.refresh_from_db()
        self.assertEqual(result.outcome, "suspect")
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertEqual(self.outcomes(comment),
                         [(name, "suspect" if name == "links" else "pass")
                          for name in RULE_NAMES])
        self.assertEqual(comment.flags[RULE_NAMES.index("links")]["detail"], "3 liên kết")
        self.assertEqual(comment.flag_names, ["links"])

    def test_links_up_to_the_limit_pass(self):
        self.limits.max_links = 2
        _result, comment = self.receive(content=content("Xem https://a.example.vn và b.gov.vn"))
        self.assertEqual(comment.flags[RULE_NAMES.index("links")],
                         {"rule": "links", "outcome": "pass", "detail": "2 liên kết"})

    def test_several_findings_are_all_recorded(self):
        self.limits.max_links = 0
        WordRule.objects.create(word="lãng phí", kind=WordRule.Kind.SUSPECT)
        _result, comment = self.receive(content=content("Lãng phí lắm, xem tin.vn"))
        self.assertEqual(comment.flag_names, ["links", "suspect_words"])


class WordMatchingTests(PipelineTestCase):
    """Words are matched after NFC and invisible-character removal, on word boundaries."""

    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        WordRule.objects.create(word="ngu", kind=WordRule.Kind.BANNED)
        WordRule.objects.create(word="phản động", kind=WordRule.Kind.BANNED)
        # A moderator may type the word in NFD; it still means the NFC word.
        WordRule.objects.create(word=unicodedata.normalize("NFD", "lừa đảo"),
                                kind=WordRule.Kind.SUSPECT)

    def screen(self, text, *, cleaned=True):
        """Screen `text` as the comment's content: as the form cleans it, or raw."""
        text = clean_multiline(text) if cleaned else text
        sub = Submission(page_id=self.article.pk, name="Lê Văn Cường", title="Góp ý",
                         content=text, ip="", shown_at=None)
        # Only the word rules: call them in order, without the others.
        return {rule.__name__: rule(sub, self.limits).outcome
                for rule in RULES if rule.__name__.endswith("_words")}

    def banned(self, text, **kwargs):
        return self.screen(text, **kwargs)["banned_words"] == "reject"

    def test_nfd_typed_ngu_with_hook_is_not_the_banned_ngu(self):
        nfd = unicodedata.normalize("NFD", "Tôi ngủ muộn vì đọc báo")
        self.assertNotEqual(nfd, unicodedata.normalize("NFC", nfd))
        self.assertFalse(self.banned(nfd))
        # Even when the text reaches the rule without the form's cleaning.
        self.assertFalse(self.banned(nfd, cleaned=False))

    def test_a_zero_width_character_does_not_hide_a_banned_word(self):
        for hidden in ("ng\u200bu", "n\u200cgu", "ngu\u200d", "n\u2060g\ufeffu", "ng\u00adu",
                       "\u202engu\u202c"):
            with self.subTest(hidden=hidden):
                self.assertTrue(self.banned(f"Bài này {hidden} thật"))
                self.assertTrue(self.banned(f"Bài này {hidden} thật", cleaned=False))

    def test_word_boundaries(self):
        for text in ("Ông Nguyễn Văn A", "giữ nguyên hiện trạng", "ngủ ngon", "nguy hiểm",
                     "kengu", "ngu_ngơ"):
            with self.subTest(text=text):
                self.assertFalse(self.banned(text))
        for text in ("NGU", "Ngu.", "(ngu)", "thật là ngu!", "ngu\nngốc", "«ngu»", "ngu,"):
            with self.subTest(text=text):
                self.assertTrue(self.banned(text))

    def test_phrases_match_across_any_spacing_but_not_in_parts(self):
        for text in ("Luận điệu phản động", "PHẢN ĐỘNG", "phản   động", "phản\nđộng",
                     "phản\u00a0động", "phản\u200b động"):
            with self.subTest(text=text):
                self.assertTrue(self.banned(text))
        for text in ("phản ánh", "hoạt động", "phản độngcơ", "phản, động"):
            with self.subTest(text=text):
                self.assertFalse(self.banned(text))

    def test_diacritics_must_be_right(self):
        self.assertEqual(self.screen("Đây là lừa đảo!")["suspect_words"], "suspect")
        self.assertEqual(self.screen("LỪA ĐẢO")["suspect_words"], "suspect")
        self.assertEqual(self.screen("lua dao")["suspect_words"], "pass")
