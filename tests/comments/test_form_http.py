"""The comment form through its real HTTP endpoints, as a browser (with or without
JavaScript) uses them: the challenge endpoint, the JSON answer, the fallback page."""

import unicodedata
from datetime import timedelta
from unittest import mock

from captcha.models import CaptchaStore
from django.db import connection, connections
from django.test import Client, TestCase, TransactionTestCase
from django.utils import timezone

from tests.comments.helpers import (
    CHALLENGE_URL,
    SENT,
    Reader,
    answer,
    assert_vietnamese,
    comment_url,
    make_site,
    set_limits,
)
from tests.comments.html import parse
from tests.comments.reading import NUMBER_WORDS, solve_question
from tests.factories import make_article
from toasoan.comments import views
from toasoan.comments.challenges import NUMBERS, question_challenge
from toasoan.comments.models import CONSENT_VERSION, Comment

FIX_ERRORS = "Bình luận chưa được gửi. Vui lòng sửa các ô được đánh dấu bên dưới."
CAPTCHA_ERROR = "Mã xác nhận không đúng hoặc đã hết hạn. Hãy nhập mã mới."
CSRF_ERROR = "Phiên làm việc đã hết hạn hoặc biểu mẫu không hợp lệ"


def form_values(response):
    """The comment form of an HTML page as the browser holds it: name -> value."""
    form = parse(response.content.decode()).find("form", class_="comment-form")
    assert form is not None, "no comment form on the page"
    values = {}
    for field in form.find_all("input"):
        if field.attrs.get("type") == "checkbox":
            values[field.attrs["name"]] = "checked" in field.attr_names
        elif "name" in field.attrs:
            values[field.attrs["name"]] = field.attrs.get("value", "")
    for area in form.find_all("textarea"):
        values[area.attrs["name"]] = area.text.removeprefix("\n")
    return values


def field_errors(response):
    """Field name -> the error text shown next to it (only those shown)."""
    page = parse(response.content.decode())
    return {box.attrs["data-error-for"]: box.text.strip()
            for box in page.find_all("span", class_="field-error") if "hidden" not in box.attrs}


class FormTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home, cls.section, cls.article, cls.site = make_site()

    def setUp(self):
        self.reader = Reader(self.client)


class SendingTests(FormTestCase):
    def test_a_valid_comment_is_accepted_with_201_and_stored_pending(self):
        data = self.reader.form(phone="0912 345 678")
        response = self.reader.send(self.article, data, REMOTE_ADDR="203.0.113.77",
                                    HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux) Thử/1.0")
        self.assertEqual(response.status_code, 201)
        self.assertEqual(response.json(), {"ok": True, "message": views.SENT})
        self.assertIn(SENT, response.json()["message"])

        comment = Comment.objects.get()
        self.assertEqual(comment.page_id, self.article.pk)
        self.assertEqual(comment.status, Comment.Status.PENDING)
        self.assertEqual((comment.name, comment.title, comment.content),
                         (data["name"], data["title"], data["content"]))
        self.assertEqual(comment.phone, "+84912345678")
        self.assertEqual(comment.consent_version, CONSENT_VERSION)
        self.assertLess(abs(comment.consent_at - timezone.now()), timedelta(seconds=30))
        self.assertEqual(comment.ip_address, "203.0.113.0")
        self.assertEqual(comment.user_agent, "Mozilla/5.0 (X11; Linux) Thử/1.0")

    def test_ipv6_is_kept_to_its_network(self):
        self.reader.send(self.article, self.reader.form(), REMOTE_ADDR="2001:db8:1234:5678::1")
        self.assertEqual(Comment.objects.get().ip_address, "2001:db8:1234::")

    def test_the_user_agent_is_kept_as_text_only(self):
        self.reader.send(self.article, self.reader.form(),
                         HTTP_USER_AGENT="Mozilla\x00/5.0\x01 \u202e(" + "x" * 400)
        self.assertEqual(Comment.objects.get().user_agent, ("Mozilla/5.0 (" + "x" * 400)[:300])

    def test_fallback_page_without_javascript(self):
        page = self.client.get(comment_url(self.article))
        self.assertEqual(page.status_code, 200)
        self.assertIn("no-store", page["Cache-Control"])
        html = page.content.decode()
        self.assertIn("<h1>Viết bình luận</h1>", html)
        self.assertIn(self.article.title, html)
        values = form_values(page)
        # Its own captcha, timestamp and CSRF token: no script needed.
        self.assertTrue(CaptchaStore.objects.filter(hashkey=values["captcha_0"]).exists())
        self.assertTrue(values["shown"])
        self.assertTrue(values["csrfmiddlewaretoken"])
        image = parse(html).find("img", **{"data-captcha-image": ""})
        self.assertIn(values["captcha_0"], image.attrs["src"])
        self.assertTrue(image.attrs["alt"].startswith("Ảnh mã xác nhận"))

        values.update(name="Phạm Thu Hà", phone="024 3825 1234", title="Cảm ơn bài viết",
                      content="Bài viết rất bổ ích.\nMong có thêm tin về nông thôn mới.",
                      consent="on", captcha_1=answer(values["captcha_0"]))
        sent = self.client.post(comment_url(self.article), values)
        self.assertEqual(sent.status_code, 200)
        status = parse(sent.content.decode()).find("p", class_="form-status")
        self.assertEqual(status.text, views.SENT)
        after = form_values(sent)
        for name in ("name", "phone", "title", "content", "captcha_1", "website"):
            self.assertEqual(after[name], "", name)
        self.assertFalse(after["consent"])
        self.assertNotEqual(after["captcha_0"], values["captcha_0"])  # a fresh code
        comment = Comment.objects.get()
        self.assertEqual(comment.phone, "+842438251234")
        self.assertEqual(comment.content,
                         "Bài viết rất bổ ích.\nMong có thêm tin về nông thôn mới.")

    def test_text_is_cleaned_before_it_is_measured_and_stored(self):
        data = self.reader.form(
            name="  Nguyễn\u200b  Văn\u202e An \t",
            title=unicodedata.normalize("NFD", "Góp ý về cầu Tân Hòa"),
            content="Dòng một\r\n\r\n\r\n\r\nDòng hai\x07 có chuông\u200d.\rDòng ba   \n",
        )
        self.assertEqual(self.reader.send(self.article, data).status_code, 201)
        comment = Comment.objects.get()
        self.assertEqual(comment.name, "Nguyễn Văn An")
        self.assertEqual(comment.title, "Góp ý về cầu Tân Hòa")
        self.assertTrue(unicodedata.is_normalized("NFC", comment.title))
        self.assertEqual(comment.content, "Dòng một\n\nDòng hai có chuông.\nDòng ba")

    def test_an_invisible_character_inside_a_letter_leaves_the_letter_composed(self):
        # `e` + ZWJ + circumflex + dot below: once the ZWJ goes, NFC must make it `ệ`.
        data = self.reader.form(name="Vie\u200d\u0302\u0323t Anh",
                                title="Vie\u0001\u0302\u0323t Nam ơi",
                                content="Vie\u202e\u0302\u0323t Nam muôn năm, "
                                        "vie\u2066\u0302\u0323t.")
        self.assertEqual(self.reader.send(self.article, data).status_code, 201)
        comment = Comment.objects.get()
        self.assertEqual(comment.name, "Việt Anh")
        self.assertEqual(comment.title, "Việt Nam ơi")
        self.assertEqual(comment.content, "Việt Nam muôn năm, việt.")

    def test_empty_after_cleaning_is_empty(self):
        data = self.reader.form(title="\u200b\u200b\u202e\u00ad  ", content="\x00\x01 \u2060")
        response = self.reader.send(self.article, data)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["errors"]["title"], ["Vui lòng nhập tiêu đề."])
        self.assertEqual(response.json()["errors"]["content"], ["Vui lòng nhập nội dung."])


class CommittedBeforeReplyTests(TransactionTestCase):
    """A comment that passed is in the database, committed, before the reply is built."""

    serialized_rollback = True

    def _fixture_teardown(self):
        super()._fixture_teardown()
        # Leave the database as the migrations made it for the transactional tests after
        # this one (the flush above emptied it).
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)

    def committed_comments(self):
        """Count comments from another connection: it sees only what was committed."""
        other = connections.create_connection("default")
        try:
            with other.cursor() as cursor:
                cursor.execute(f"SELECT COUNT(*) FROM {Comment._meta.db_table}")
                return cursor.fetchone()[0]
        finally:
            other.close()

    def test_committed_before_json_and_html_replies(self):
        _home, _section, article, _site = make_site()
        reader = Reader(self.client)
        seen = []

        def watching(real):
            def build_reply(*args, **kwargs):
                seen.append((connection.in_atomic_block, self.committed_comments()))
                return real(*args, **kwargs)
            return build_reply

        data = reader.form()
        with mock.patch.object(views, "JsonResponse", watching(views.JsonResponse)):
            response = reader.send(article, data)
        self.assertEqual(response.status_code, 201)
        self.assertEqual(seen, [(False, 1)])

        seen.clear()
        data = reader.form(content="Một bình luận khác, gửi từ trang không có JavaScript.")
        with mock.patch.object(views, "render", watching(views.render)):
            response = reader.send(article, data, json=False)
        self.assertEqual(response.status_code, 200)
        self.assertEqual(seen, [(False, 2)])


class ErrorTests(FormTestCase):
    def test_errors_come_back_next_to_their_fields_with_everything_typed_kept(self):
        challenge = self.reader.challenge()
        typed = self.reader.form(challenge, name="A", phone="0912 345 678",
                                 title="Góp ý về cầu Tân Hòa", content="Ngắn\nquá",
                                 captcha_1="sai")
        response = self.reader.send(self.article, typed, json=False)
        self.assertEqual(response.status_code, 400)
        assert_vietnamese(response)
        self.assertFalse(Comment.objects.exists())

        page = parse(response.content.decode())
        self.assertEqual(page.find(**{"data-form-alert": ""}).text.strip(), FIX_ERRORS)
        self.assertEqual(field_errors(response), {
            "name": "Họ tên cần ít nhất 2 ký tự (hiện có 1).",
            "content": "Nội dung cần ít nhất 10 ký tự (hiện có 8).",
            "captcha": CAPTCHA_ERROR,
        })
        values = form_values(response)
        self.assertEqual(
            {name: values[name] for name in ("name", "phone", "title", "content", "consent")},
            {"name": "A", "phone": "0912 345 678", "title": "Góp ý về cầu Tân Hòa",
             "content": "Ngắn\nquá", "consent": True},
        )
        # A new code to type, and the used one is gone.
        self.assertEqual(values["captcha_1"], "")
        self.assertNotEqual(values["captcha_0"], challenge["key"])
        self.assertTrue(CaptchaStore.objects.filter(hashkey=values["captcha_0"]).exists())
        self.assertFalse(CaptchaStore.objects.filter(hashkey=challenge["key"]).exists())

        # Each message sits in its field's row, tied to the field for screen readers.
        for name, field_id in (("name", "bl-name"), ("content", "bl-content"),
                               ("captcha", "bl-captcha")):
            box = page.find(**{"data-error-for": name})
            field = page.by_id(field_id)
            self.assertIs(box.parent, field.parent, name)
            self.assertIn(box.attrs["id"], field.attrs["aria-describedby"].split())
        self.assertEqual(page.by_id("bl-name").attrs.get("aria-invalid"), "true")
        self.assertNotIn("aria-invalid", page.by_id("bl-title").attrs)

    def test_json_errors_name_their_fields(self):
        data = self.reader.form(name="", phone="01688 123 456", title="Ý", captcha_1="sai")
        response = self.reader.send(self.article, data)
        self.assertEqual(response.status_code, 400)
        body = response.json()
        self.assertEqual(body["ok"], False)
        self.assertEqual(body["message"], FIX_ERRORS)
        self.assertEqual(body["errors"]["name"], ["Vui lòng nhập họ tên."])
        self.assertEqual(body["errors"]["title"], ["Tiêu đề cần ít nhất 5 ký tự (hiện có 1)."])
        self.assertIn("số di động 11 số cũ", body["errors"]["phone"][0])
        self.assertEqual(body["errors"]["captcha"], [CAPTCHA_ERROR])
        self.assertNotIn("content", body["errors"])

    def test_consent_unticked_stores_nothing(self):
        data = self.reader.form()
        del data["consent"]
        response = self.reader.send(self.article, data)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["errors"], {
            "consent": ["Bạn cần đồng ý với thông báo về dữ liệu cá nhân thì bình luận mới "
                        "được gửi."]})
        html = self.reader.send(self.article, self.reader.form(consent=""), json=False)
        self.assertEqual(html.status_code, 400)
        self.assertIn("Bạn cần đồng ý", field_errors(html)["consent"])
        self.assertFalse(Comment.objects.exists())

    def test_consent_notice_is_beside_the_checkbox_and_links_the_privacy_page(self):
        page = parse(self.client.get(comment_url(self.article)).content.decode())
        checkbox = page.by_id("bl-consent")
        self.assertNotIn("checked", checkbox.attr_names)
        self.assertIn("thong-bao-du-lieu", checkbox.attrs["aria-describedby"])
        notice = page.by_id("thong-bao-du-lieu").text
        for words in ("họ tên", "số điện thoại", "90 ngày", "quyền"):
            self.assertIn(words, notice)
        link = page.by_id("thong-bao-du-lieu").find("a")
        privacy = self.client.get(link.attrs["href"])
        self.assertEqual(privacy.status_code, 200)
        self.assertContains(privacy, "Chính sách bảo vệ dữ liệu cá nhân")

    def test_too_fast_is_told_in_vietnamese(self):
        set_limits(self.site, min_seconds=3)
        response = self.reader.send(self.article, self.reader.form())
        self.assertEqual(response.status_code, 400)
        self.assertIn("quá nhanh", response.json()["message"])
        html = self.reader.send(self.article, self.reader.form(), json=False)
        self.assertEqual(html.status_code, 400)
        self.assertIn("quá nhanh", parse(html.content.decode()).find(
            **{"data-form-alert": ""}).text)
        self.assertEqual(form_values(html)["name"], "Nguyễn Văn An")
        self.assertFalse(Comment.objects.exists())

    def test_rate_limited_reader_gets_429(self):
        set_limits(self.site, per_ip_per_hour=1)
        self.assertEqual(self.reader.send(self.article, self.reader.form()).status_code, 201)
        again = self.reader.form(content="Một ý kiến nữa, gửi ngay sau ý kiến trước.")
        response = self.reader.send(self.article, again)
        self.assertEqual(response.status_code, 429)
        self.assertIn("quá nhiều bình luận trong một giờ", response.json()["message"])
        html = self.reader.send(self.article, self.reader.form(content="Lần thứ ba."),
                                json=False)
        self.assertEqual(html.status_code, 429)
        assert_vietnamese(html)
        self.assertEqual(Comment.objects.count(), 1)


class CaptchaTests(FormTestCase):
    def test_each_challenge_is_new_and_uncached(self):
        first = self.client.get(CHALLENGE_URL)
        self.assertIn("no-store", first["Cache-Control"])
        second = self.reader.challenge()
        first = first.json()
        self.assertNotEqual(first["key"], second["key"])
        self.assertNotEqual(first["image_url"], second["image_url"])
        self.assertNotIn("question", first)
        image = self.client.get(first["image_url"])
        self.assertEqual(image.status_code, 200)
        self.assertEqual(image["Content-Type"], "image/png")

    def test_one_attempt_per_challenge(self):
        challenge = self.reader.challenge()
        right = answer(challenge["key"])
        wrong = self.reader.send(self.article, self.reader.form(challenge, captcha_1="sai"))
        self.assertEqual(wrong.json()["errors"], {"captcha": [CAPTCHA_ERROR]})
        retry = self.reader.send(self.article, self.reader.form(challenge, captcha_1=right))
        self.assertEqual(retry.status_code, 400)
        self.assertEqual(retry.json()["errors"], {"captcha": [CAPTCHA_ERROR]})
        self.assertFalse(Comment.objects.exists())

    def test_answer_ignores_case_and_spaces(self):
        challenge = self.reader.challenge()
        data = self.reader.form(challenge, captcha_1=f"  {answer(challenge['key']).upper()} ")
        self.assertEqual(self.reader.send(self.article, data).status_code, 201)

    def test_an_expired_challenge_is_refused(self):
        challenge = self.reader.challenge()
        data = self.reader.form(challenge)
        CaptchaStore.objects.filter(hashkey=challenge["key"]).update(
            expiration=timezone.now() - timedelta(seconds=1))
        response = self.reader.send(self.article, data)
        self.assertEqual(response.status_code, 400)
        self.assertEqual(response.json()["errors"], {"captcha": [CAPTCHA_ERROR]})

    def test_challenges_never_answered_are_removed_by_the_hourly_job(self):
        from toasoan.newsroom.scheduler import purge_comment_data

        old, new = self.reader.challenge()["key"], self.reader.challenge()["key"]
        CaptchaStore.objects.filter(hashkey=old).update(
            expiration=timezone.now() - timedelta(seconds=1))
        purge_comment_data()
        self.assertEqual(list(CaptchaStore.objects.values_list("hashkey", flat=True)), [new])

    def test_a_challenge_lasts_minutes_not_hours(self):
        key = self.reader.challenge()["key"]
        lifetime = CaptchaStore.objects.get(hashkey=key).expiration - timezone.now()
        self.assertGreater(lifetime, timedelta(minutes=2))
        self.assertLessEqual(lifetime, timedelta(minutes=10))

    def test_a_replayed_key_is_refused(self):
        data = self.reader.form()
        self.assertEqual(self.reader.send(self.article, data).status_code, 201)
        data["content"] = "Gửi lại đúng mã cũ với một nội dung khác."
        replay = self.reader.send(self.article, data)
        self.assertEqual(replay.status_code, 400)
        self.assertEqual(replay.json()["errors"], {"captcha": [CAPTCHA_ERROR]})
        self.assertEqual(Comment.objects.count(), 1)

    def test_forged_keys_are_refused(self):
        other = self.reader.challenge()
        for key in ("0" * 40, "f" * 40, "", "abc", other["key"][::-1], "' OR '1'='1",
                    "../" * 30, "x" * 5000):
            with self.subTest(key=key[:50]):
                data = self.reader.form(captcha_0=key, captcha_1=answer(other["key"]))
                response = self.reader.send(self.article, data)
                self.assertEqual(response.status_code, 400)
                self.assertIn(response.json()["errors"]["captcha"][0],
                              (CAPTCHA_ERROR, "Vui lòng nhập mã xác nhận."))
        self.assertFalse(Comment.objects.exists())

    def test_another_challenges_answer_does_not_unlock_this_one(self):
        mine, theirs = self.reader.challenge(), self.reader.challenge()
        CaptchaStore.objects.filter(hashkey=theirs["key"]).update(response="zzzzz")
        data = self.reader.form(mine, captcha_1="zzzzz")
        self.assertEqual(self.reader.send(self.article, data).status_code, 400)

    def test_question_instead_of_image(self):
        challenge = self.reader.challenge("question")
        self.assertNotIn("image_url", challenge)
        worked_out = solve_question(challenge["question"])
        self.assertEqual(worked_out, answer(challenge["key"]))
        data = self.reader.form(challenge, captcha_1=worked_out)
        self.assertEqual(self.reader.send(self.article, data).status_code, 201)

    def test_every_question_can_be_worked_out_from_its_words(self):
        self.assertEqual(NUMBER_WORDS, NUMBERS)
        for _ in range(200):
            question, expected = question_challenge()
            self.assertEqual(solve_question(question), expected, question)
            self.assertGreaterEqual(int(expected), 0)

    def test_question_on_the_page_without_javascript(self):
        response = self.client.get(comment_url(self.article), {"kieu": "cau-hoi"})
        page = parse(response.content.decode())
        question = page.find(**{"data-captcha-question": ""}).text
        self.assertRegex(question, r"^\w+ (cộng|trừ) \w+ bằng mấy\?$")
        self.assertIn("hidden", page.find("img", **{"data-captcha-image": ""}).attrs)
        values = form_values(response)
        values.update(name="Hoàng Yến", title="Dùng câu hỏi", consent="on",
                      content="Tôi không xem được ảnh nên trả lời câu hỏi.",
                      captcha_1=answer(values["captcha_0"]))
        sent = self.client.post(comment_url(self.article), values)
        self.assertEqual(sent.status_code, 200)
        self.assertContains(sent, views.SENT)
        self.assertTrue(Comment.objects.filter(name="Hoàng Yến").exists())

    def test_the_links_beside_the_code_work_without_javascript(self):
        page = parse(self.client.get(self.article.url).content.decode())
        refresh = page.find("a", **{"data-captcha-refresh": ""})
        question = page.find("a", **{"data-captcha-question-button": ""})
        self.assertEqual(refresh.text, "Lấy lại mã bảo mật")
        self.assertEqual(refresh.attrs["href"], comment_url(self.article))
        self.assertEqual(question.attrs["href"], f"{comment_url(self.article)}?kieu=cau-hoi")

    def test_a_question_allows_one_attempt_too(self):
        challenge = self.reader.challenge("question")
        right = answer(challenge["key"])
        self.reader.send(self.article, self.reader.form(challenge, captcha_1="99"))
        retry = self.reader.send(self.article, self.reader.form(challenge, captcha_1=right))
        self.assertEqual(retry.json()["errors"], {"captcha": [CAPTCHA_ERROR]})


class CsrfTests(FormTestCase):
    def setUp(self):
        self.client = Client(enforce_csrf_checks=True)
        self.reader = Reader(self.client)

    def test_without_the_token_the_reader_is_told_in_vietnamese(self):
        data = self.reader.form()
        del data["csrfmiddlewaretoken"]
        for json in (True, False):
            with self.subTest(json=json):
                response = self.reader.send(self.article, data, json=json)
                self.assertEqual(response.status_code, 403)
                assert_vietnamese(response)
                told = response.json()["message"] if json else response.content.decode()
                self.assertIn(CSRF_ERROR, told)
        fresh = Client(enforce_csrf_checks=True)  # no cookie at all
        response = fresh.post(comment_url(self.article), data, HTTP_ACCEPT="application/json")
        self.assertEqual(response.status_code, 403)
        self.assertIn(CSRF_ERROR, response.json()["message"])
        self.assertFalse(Comment.objects.exists())

    def test_a_wrong_token_is_refused(self):
        data = self.reader.form(csrfmiddlewaretoken="x" * 64)
        response = self.reader.send(self.article, data)
        self.assertEqual(response.status_code, 403)
        self.assertFalse(Comment.objects.exists())

    def test_the_token_from_the_challenge_endpoint_works_as_field_or_header(self):
        self.assertEqual(self.reader.send(self.article, self.reader.form()).status_code, 201)
        data = self.reader.form(content="Gửi bằng tiêu đề X-CSRFToken như comments.js.")
        token = data.pop("csrfmiddlewaretoken")
        response = self.reader.send(self.article, data, HTTP_X_CSRFTOKEN=token)
        self.assertEqual(response.status_code, 201)

    def test_the_fallback_page_carries_its_own_token(self):
        values = form_values(self.client.get(comment_url(self.article)))
        values.update(name="Đỗ Minh", title="Ý kiến của tôi", consent="on",
                      content="Gửi từ trang không có JavaScript.",
                      captcha_1=answer(values["captcha_0"]))
        self.assertEqual(self.client.post(comment_url(self.article), values).status_code, 200)
        self.assertTrue(Comment.objects.exists())


class MethodAndAddressTests(FormTestCase):
    def test_wrong_methods_get_405_in_vietnamese(self):
        url = comment_url(self.article)
        for method in ("put", "patch", "delete", "options", "trace"):
            with self.subTest(method=method):
                response = getattr(self.client, method)(url)
                self.assertEqual(response.status_code, 405)
                self.assertEqual(response["Allow"], "GET, HEAD, POST")
                assert_vietnamese(response)
        for method in ("post", "put", "delete"):
            with self.subTest(challenge=method):
                response = getattr(self.client, method)(CHALLENGE_URL)
                self.assertEqual(response.status_code, 405)
                self.assertEqual(response["Allow"], "GET")
                assert_vietnamese(response)

    def test_head_is_answered_like_get(self):
        self.assertEqual(self.client.head(comment_url(self.article)).status_code, 200)

    def test_unknown_unpublished_or_non_article_pages_are_404(self):
        draft = make_article(self.section, "Bài chưa đăng", self.article.first_published_at,
                             live=False)
        for page_id in (draft.pk, 999999, self.section.pk, self.home.pk, 0,
                        99999999999999999999999):
            for method in ("get", "post"):
                with self.subTest(page_id=page_id, method=method):
                    url = f"/binh-luan/bai/{page_id}/"
                    data = self.reader.form() if method == "post" else {}
                    response = getattr(self.client, method)(url, data)
                    self.assertEqual(response.status_code, 404)
                    assert_vietnamese(response)
        self.assertFalse(Comment.objects.exists())


class SettingsTests(FormTestCase):
    def test_the_limits_are_site_settings_the_form_follows(self):
        with self.captureOnCommitCallbacks(execute=True):
            set_limits(self.site, name_min=4, content_max=60, title_max=20, retention_days=30)
        page = parse(self.client.get(comment_url(self.article)).content.decode())
        self.assertEqual(page.by_id("bl-content").attrs["maxlength"], "60")
        self.assertEqual(page.by_id("bl-title").attrs["maxlength"], "20")
        self.assertIn("sau 30 ngày", page.by_id("thong-bao-du-lieu").text)

        data = self.reader.form(name="Lan", title="Tiêu đề dài hơn hai mươi ký tự",
                                content="Nội dung" + " dài" * 14)
        errors = self.reader.send(self.article, data).json()["errors"]
        self.assertEqual(errors["name"], ["Họ tên cần ít nhất 4 ký tự (hiện có 3)."])
        self.assertEqual(errors["title"], ["Tiêu đề được dài nhất 20 ký tự (hiện có 30)."])
        self.assertEqual(errors["content"], ["Nội dung được dài nhất 60 ký tự (hiện có 64)."])

        with self.captureOnCommitCallbacks(execute=True):  # as the admin's save commits
            set_limits(self.site, name_min=2, content_max=5000, title_max=200)
        self.assertEqual(self.reader.send(self.article, self.reader.form(
            name="Lan", content="Nội dung" + " dài" * 14)).status_code, 201)

    def test_link_limit_is_a_site_setting(self):
        set_limits(self.site, max_links=0)
        data = self.reader.form(content="Xem thêm ở thongtin.vn nhé bà con.")
        self.assertEqual(self.reader.send(self.article, data).status_code, 201)
        self.assertEqual(Comment.objects.get().flag_names, ["links"])
