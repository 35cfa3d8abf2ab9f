"""The frame of every public page: header (emblem, names, today's date, search, the
section menu), footer (the agency's settings), the contact page, pictures, scripts,
and the structure assistive technology relies on."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import time_machine
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.test import TestCase
from lxml import html as lxml_html
from wagtail.models import Site

from tests.factories import make_article, make_home, make_image, make_section, vn_time
from toasoan.news import pagecache
from toasoan.news.models import ContactPage, PortalSettings, SectionPage

VN = ZoneInfo("Asia/Ho_Chi_Minh")
BASE = "http://127.0.0.1:8000"
AGENCY = "Ủy ban nhân dân huyện Thử Nghiệm"
ADDRESS = "Số 5 đường Hùng Vương, thị trấn Thử Nghiệm"
EDITOR = "Đỗ Văn Hưởng – Chánh Văn phòng"
LICENCE = "Giấy phép số 12/GP-TTĐT cấp ngày 08/01/2025"


def parse(response):
    return lxml_html.fromstring(response.content.decode())


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


class LayoutTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.settings = PortalSettings.for_site(Site.objects.get(root_page=cls.home))
        cls.settings.address = ADDRESS
        cls.settings.phone = "0200 3 868 115"
        cls.settings.email = "bbt@thunghiem.example"
        cls.settings.editor_in_chief = EDITOR
        cls.settings.licence = LICENCE
        cls.settings.save()
        cls.section = make_section(cls.home, "Thời sự")
        image = make_image()
        cls.articles = [
            make_article(cls.section, f"Tin số {day}", vn_time(2026, 1, day), image=image,
                         tags=("nông thôn mới",),
                         body=[{"type": "text", "value": "<p>Đoạn mở đầu.</p>"},
                               {"type": "image", "value": {"image": image.pk, "caption": "Ảnh"}}])
            for day in (1, 2, 3, 4)
        ]
        cls.article = cls.articles[1]
        cls.contact = ContactPage(
            title="Liên hệ", slug="lien-he",
            intro="<p>Ban biên tập tiếp nhận ý kiến trong giờ hành chính.</p>",
        )
        cls.home.add_child(instance=cls.contact)
        cls.contact.save_revision().publish()

    def changed(self, **values):
        """Change the portal settings (a test's changes never commit, so their bump of
        the page cache's `site` tag is done here)."""
        settings = PortalSettings.objects.get(pk=self.settings.pk)
        for name, value in values.items():
            setattr(settings, name, value)
        settings.save()
        pagecache.bump([pagecache.SITE_TAG])

    def public_pages(self):
        return {
            "home": "/",
            "section": self.section.url,
            "article": self.article.url,
            "tag": "/chu-de/nong-thon-moi/",
            "search": "/tim-kiem/?q=tin",
            "search help": "/tim-kiem/",
            "privacy": "/chinh-sach-du-lieu-ca-nhan/",
            "contact": self.contact.url,
            "comment page": f"/binh-luan/bai/{self.article.pk}/",
            "not found": "/khong-co-trang-nay/",
        }

    # ------------------------------------------------------------------ header

    @time_machine.travel(datetime(2026, 11, 27, 8, 30, tzinfo=VN), tick=False)
    def test_header_shows_todays_date_in_vietnamese(self):
        self.assertContains(
            self.client.get("/"),
            '<time datetime="2026-11-27" data-today>Thứ Sáu, 27/11/2026</time>',
        )

    @time_machine.travel(datetime(2026, 11, 29, 18, 0, tzinfo=ZoneInfo("UTC")), tick=False)
    def test_the_date_is_vietnams_not_the_servers(self):
        # 18:00 UTC on Sunday the 29th is 01:00 on Monday the 30th in Vietnam.
        self.assertContains(self.client.get("/"),
                            '<time datetime="2026-11-30" data-today>Thứ Hai, 30/11/2026</time>')

    def test_a_script_keeps_the_date_of_a_cached_page_current(self):
        html = self.client.get("/").content.decode()
        self.assertRegex(html, r'<script src="/static/toasoan/js/site\.js" defer></script>')
        source = Path(finders.find("toasoan/js/site.js")).read_text(encoding="utf-8")
        self.assertIn("[data-today]", source)
        self.assertIn("7 * 3600 * 1000", source)  # Vietnam's time, UTC+7
        self.assertIn('"Chủ Nhật", "Thứ Hai"', source)

    def test_built_in_mark_without_a_logo(self):
        header = parse(self.client.get("/")).find(".//header")
        mark = header.find(".//img[@class='brand-mark']")
        self.assertEqual(mark.get("src"), "/static/toasoan/img/mark.svg")
        self.assertEqual(mark.get("alt"), "")  # beside the agency's name: decorative
        self.assertIsNone(header.find(".//img[@class='brand-logo']"))
        self.assertEqual(header.find(".//*[@class='agency']").text, AGENCY)

    def test_the_agencys_logo_with_its_name_as_alt(self):
        self.changed(logo=make_image("Biểu trưng", size=(300, 300)))
        header = parse(self.client.get("/")).find(".//header")
        logo = header.find(".//img[@class='brand-logo']")
        self.assertIsNotNone(logo)
        self.assertEqual(logo.get("alt"), AGENCY)
        self.assertEqual((logo.get("width"), logo.get("height")), ("64", "64"))
        self.assertTrue(logo.get("src").startswith("/media/"))
        self.assertRegex(logo.get("srcset"), r"^/media/\S+ 1x, /media/\S+ 2x$")
        self.assertIsNone(header.find(".//img[@class='brand-mark']"))
        # The visible name beside it is not read twice.
        self.assertEqual(header.find(".//*[@class='agency']").get("aria-hidden"), "true")

    def test_a_logo_whose_file_is_gone_falls_back_to_the_mark(self):
        image = make_image("Biểu trưng")
        image.file.storage.delete(image.file.name)
        self.changed(logo=image)
        response = self.client.get("/")
        self.assertEqual(response.status_code, 200)
        self.assertIsNotNone(parse(response).find(".//img[@class='brand-mark']"))

    def test_search_box_is_labelled(self):
        document = parse(self.client.get("/"))
        field = document.get_element_by_id("site-search-q")
        label = document.find(".//label[@for='site-search-q']")
        self.assertEqual(label.text_content().strip(), "Tìm kiếm trên cổng")
        self.assertEqual(field.getparent().get("action"), "/tim-kiem/")
        self.assertEqual(field.getparent().get("role"), "search")

    def test_menu_button_controls_the_section_menu(self):
        document = parse(self.client.get("/"))
        button = document.find(".//button[@data-menu-toggle]")
        self.assertEqual(button.get("type"), "button")
        self.assertEqual(button.get("aria-expanded"), "false")
        self.assertEqual(button.text_content().strip(), "Chuyên mục")
        nav = document.get_element_by_id(button.get("aria-controls"))
        self.assertEqual(nav.tag, "nav")
        self.assertEqual(nav.get("aria-label"), "Chuyên mục")
        self.assertEqual([a.text for a in nav.iterfind(".//a")], ["Trang chủ", "Thời sự"])

    def test_the_menu_marks_where_the_reader_is(self):
        def current(url):
            nav = parse(self.client.get(url)).get_element_by_id("menu-chinh")
            return {a.text: a.get("aria-current") for a in nav.iterfind(".//a")}

        self.assertEqual(current("/"), {"Trang chủ": "page", "Thời sự": None})
        self.assertEqual(current(self.section.url), {"Trang chủ": None, "Thời sự": "page"})
        self.assertEqual(current(self.article.url), {"Trang chủ": None, "Thời sự": "true"})

    # ------------------------------------------------------------------ footer

    def footer(self, url="/"):
        return parse(self.client.get(url)).find(".//footer[@class='site-footer']")

    def test_footer_shows_the_agencys_settings(self):
        footer = self.footer()
        text = " ".join(footer.text_content().split())
        for part in (AGENCY, f"Địa chỉ: {ADDRESS}", "Điện thoại: 0200 3 868 115",
                     "Thư điện tử: bbt@thunghiem.example", f"Chịu trách nhiệm chính: {EDITOR}",
                     LICENCE):
            self.assertIn(part, text)
        links = {a.text_content(): a.get("href") for a in footer.iterfind(".//a")}
        self.assertEqual(links["0200 3 868 115"], "tel:02003868115")
        self.assertEqual(links["bbt@thunghiem.example"], "mailto:bbt@thunghiem.example")
        self.assertEqual(links["Liên hệ"], "/lien-he/")
        self.assertEqual(links["Chính sách bảo vệ dữ liệu cá nhân"],
                         "/chinh-sach-du-lieu-ca-nhan/")
        self.assertIsNotNone(footer.find(".//address"))
        self.assertEqual(footer.find(".//nav").get("aria-label"), "Thông tin cổng")

    def test_several_phone_numbers_are_shown_without_a_link(self):
        self.changed(phone="0200 3 868 115 - 0912 345 678")
        footer = self.footer()
        self.assertIn("0200 3 868 115 - 0912 345 678", footer.text_content())
        self.assertFalse([a for a in footer.iterfind(".//a") if a.get("href").startswith("tel:")])

    def test_empty_settings_leave_no_empty_lines(self):
        self.changed(address="", phone="", email="", editor_in_chief="", licence="")
        footer = self.footer()
        self.assertIsNone(footer.find(".//address"))
        self.assertNotIn("Chịu trách nhiệm", footer.text_content())
        self.assertEqual(footer.find(".//p[@class='footer-name']").text, AGENCY)

    def test_settings_are_shown_as_text_never_as_markup(self):
        hostile = '<script>alert("x")</script> Ủy ban & "Hội đồng"'
        self.changed(agency_name=hostile, licence=hostile, editor_in_chief=hostile,
                     address=hostile)
        for url in ("/", self.article.url, self.contact.url):
            response = self.client.get(url)
            html = response.content.decode()
            self.assertNotIn('<script>alert("x")', html)
            self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Ủy ban &amp;", html)
            self.assertEqual(parse(response).find(".//p[@class='footer-name']").text, hostile)

    def test_settings_are_stored_nfc_on_one_line(self):
        self.changed(editor_in_chief="Nguye\u0302\u0303n Văn  A\n– Chánh Văn phòng")
        self.assertEqual(PortalSettings.objects.get(pk=self.settings.pk).editor_in_chief,
                         "Nguyễn Văn A – Chánh Văn phòng")

    # ------------------------------------------------------------- contact page

    def test_contact_page_renders_the_agencys_details(self):
        response = self.client.get("/lien-he/")
        self.assertEqual(response.status_code, 200)
        document = parse(response)
        self.assertEqual(document.find(".//h1").text, "Liên hệ")
        self.assertIn("Ban biên tập tiếp nhận ý kiến", document.find(".//main").text_content())
        # (libxml2 knows HTML 4 only: it would end the <address> at its first <p>)
        address = soup(response).find("main").find("address")
        text = " ".join(address.get_text().split())
        for part in (AGENCY, ADDRESS, "0200 3 868 115", "bbt@thunghiem.example", EDITOR):
            self.assertIn(part, text)
        hrefs = [a["href"] for a in address.find_all("a")]
        self.assertEqual(hrefs, ["tel:02003868115", "mailto:bbt@thunghiem.example"])

    def test_contact_page_describes_itself_in_words(self):
        metas = parse(self.client.get("/lien-he/")).xpath("//head/meta[@name='description']")
        self.assertEqual([meta.get("content") for meta in metas],
                         ["Ban biên tập tiếp nhận ý kiến trong giờ hành chính."])

    def test_contact_page_follows_the_settings(self):
        self.client.get("/lien-he/")
        self.changed(address="Số 9 đường Mới")
        self.assertContains(self.client.get("/lien-he/"), "Số 9 đường Mới")

    def test_one_contact_page_under_the_home_page_only(self):
        self.assertFalse(ContactPage.can_create_at(self.home))  # there is one already
        self.assertFalse(ContactPage.can_create_at(self.section))
        self.assertIn(ContactPage, self.home.specific_class.allowed_subpage_models())
        self.assertNotIn(ContactPage, SectionPage.allowed_subpage_models())

    def test_contact_page_is_cached_and_its_edit_shows(self):
        self.assertEqual(self.client.get("/lien-he/")["X-Cache"], "miss")
        self.assertEqual(self.client.get("/lien-he/")["X-Cache"], "hit")
        with self.captureOnCommitCallbacks(execute=True):
            self.contact.title = "Liên hệ với Ban biên tập"
            self.contact.save_revision().publish()
        self.assertContains(self.client.get("/lien-he/"), "<h1>Liên hệ với Ban biên tập</h1>")
        self.assertEqual(self.footer().find(".//a[@href='/lien-he/']").text,
                         "Liên hệ với Ban biên tập")

    # ---------------------------------------------------------------- pictures

    def images(self, url):
        return parse(self.client.get(url)).iterfind(".//main//img")

    def test_article_lead_picture_loads_first_and_the_rest_lazily(self):
        document = parse(self.client.get(self.article.url))
        lead = document.find(".//figure[@class='article-figure']//img")
        self.assertIsNone(lead.get("loading"))
        self.assertEqual(lead.get("fetchpriority"), "high")
        body = document.find(".//figure[@class='body-figure']//img")
        self.assertEqual(body.get("loading"), "lazy")
        self.assertIsNone(body.get("fetchpriority"))

    def test_home_lead_picture_loads_first_and_list_pictures_lazily(self):
        document = parse(self.client.get("/"))
        lead = document.find(".//article[@class='lead-article']//img")
        self.assertIsNone(lead.get("loading"))
        self.assertEqual(lead.get("fetchpriority"), "high")
        listed = [img for img in document.iterfind(".//main//img") if img is not lead]
        self.assertTrue(listed)
        self.assertEqual({img.get("loading") for img in listed}, {"lazy"})

    def test_section_list_pictures_are_lazy(self):
        pictures = list(self.images(self.section.url))
        self.assertEqual(len(pictures), 4)
        self.assertEqual({img.get("loading") for img in pictures}, {"lazy"})

    def test_every_picture_has_sizes_srcset_and_dimensions(self):
        for name in ("home", "section", "article", "tag"):
            pictures = soup(self.client.get(self.public_pages()[name])).find_all("picture")
            self.assertTrue(pictures, name)
            for picture in pictures:  # (libxml2 does not know <picture>)
                img = picture.find("img")
                self.assertTrue(img.get("width") and img.get("height"), name)
                self.assertRegex(img.get("srcset") or "", r"^\S+ \d+w, \S+ \d+w", name)
                self.assertTrue(img.get("sizes"), name)
                sources = picture.find_all("source")
                self.assertEqual([s.get("type") for s in sources], ["image/avif", "image/webp"])
                for source in sources:
                    self.assertTrue(source.get("srcset") and source.get("sizes"), name)

    # ------------------------------------------- scripts, hosts, page structure

    def test_scripts_are_deferred_files_of_the_site(self):
        for name, url in self.public_pages().items():
            document = parse(self.client.get(url))
            for script in document.iterfind(".//script"):
                if script.get("type") == "application/ld+json":  # data, not a script
                    continue
                self.assertTrue(script.get("src", "").startswith("/static/"), (name, url))
                self.assertFalse((script.text or "").strip(), (name, url))
                self.assertTrue(script.get("defer") is not None
                                or script.get("type") == "module", (name, url))

    def test_no_other_host_and_no_inline_style(self):
        for name, url in self.public_pages().items():
            html = self.client.get(url).content.decode()
            for attribute, value in re.findall(r'\s(src|href|srcset|action)="([^"]*)"', html):
                for address in re.findall(r"(?:https?:)?//[^\s,\"]+", value):
                    self.assertTrue(address.startswith(f"{BASE}/"), (name, attribute, value))
            self.assertNotRegex(html, r"\sstyle=|<style", name)

    def test_page_structure(self):
        for name, url in self.public_pages().items():
            response = self.client.get(url)
            document = parse(response)
            self.assertEqual(document.get("lang"), "vi", name)
            self.assertEqual(len(document.findall(".//h1")), 1, name)
            levels = [int(h.tag[1]) for h in document.iter("h1", "h2", "h3", "h4", "h5", "h6")]
            self.assertEqual(levels[0], 1, name)
            for before, after in zip(levels, levels[1:], strict=False):
                self.assertLessEqual(after, before + 1, (name, levels))
            for landmark in ("header", "main", "footer"):
                self.assertEqual(len(document.xpath(f"//body/{landmark}")), 1, (name, landmark))
            for nav in document.iterfind(".//nav"):
                self.assertTrue(nav.get("aria-label"), name)
            for img in document.iter("img"):  # hidden ones too (the captcha's)
                self.assertTrue(img.get("src"), (name, img.attrib))
                self.assertIsNotNone(img.get("alt"), (name, img.attrib))
            ids = document.xpath("//@id")
            self.assertEqual(len(ids), len(set(ids)), (name, sorted(ids)))
            skip = document.find(".//a[@class='skip-link']")
            self.assertEqual(document.get_element_by_id(skip.get("href")[1:]).tag, "main")

    def test_every_form_field_is_labelled(self):
        for name, url in self.public_pages().items():
            document = parse(self.client.get(url))
            for field in document.xpath("//input[not(@type='hidden')]|//select|//textarea"):
                if field.get("type") in ("submit", "button"):
                    continue
                labelled = field.get("aria-label") or document.xpath(
                    "//label[@for=$id]", id=field.get("id") or "-")
                self.assertTrue(labelled, (name, field.get("name")))
                for described in (field.get("aria-describedby") or "").split():
                    self.assertEqual(len(document.xpath("//*[@id=$id]", id=described)), 1,
                                     (name, field.get("name"), described))

    def test_comment_form_announces_its_errors(self):
        html = self.client.get(self.article.url).content.decode()
        form = parse(self.client.get(self.article.url)).find(".//form[@data-comment-form]")
        self.assertEqual(form.find(".//*[@data-form-alert]").get("role"), "alert")
        self.assertEqual(form.find(".//*[@data-form-status]").get("aria-live"), "polite")
        self.assertIn('aria-describedby="loi-name"', html)
