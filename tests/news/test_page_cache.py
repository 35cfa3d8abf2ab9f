"""Public pages are served from the page cache, and never stale once a change has
committed: the article, its sections, the home page, the neighbours' lists."""

from unittest import mock

from django.contrib.auth import get_user_model
from django.test import TestCase

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.news import pagecache
from toasoan.news.models import ArticlePage, PortalSettings


class PageCacheTestCase(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = make_home()
        cls.news = make_section(cls.home, "Thời sự")
        cls.economy = make_section(cls.home, "Kinh tế")
        cls.articles = [
            make_article(cls.news, f"Tin thời sự số {day}", vn_time(2026, 3, day))
            for day in range(1, 6)
        ]
        cls.middle = cls.articles[2]
        cls.market = make_article(cls.economy, "Giá lúa tăng", vn_time(2026, 3, 2))

    def get(self, url, **headers):
        response = self.client.get(url, headers=headers)
        self.assertIn(response.status_code, (200, 304, 404), url)
        return response

    def cached(self, *urls):
        """Each URL twice: the second answer comes from the cache."""
        for url in urls:
            self.assertEqual(self.get(url)["X-Cache"], "miss", url)
            self.assertEqual(self.get(url)["X-Cache"], "hit", url)

    def publish(self, page, **changes):
        page = ArticlePage.objects.get(pk=page.pk)
        for name, value in changes.items():
            setattr(page, name, value)
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        return page


class ServingTests(PageCacheTestCase):
    def test_a_second_reader_gets_the_stored_page(self):
        first = self.get(self.middle.url)
        second = self.get(self.middle.url)
        self.assertEqual((first["X-Cache"], second["X-Cache"]), ("miss", "hit"))
        self.assertEqual(first.content, second.content)
        self.assertEqual(first["ETag"], second["ETag"])
        self.assertEqual(second["Content-Type"], "text/html; charset=utf-8")

    def test_browsers_revalidate_and_get_304(self):
        etag = self.get(self.middle.url)["ETag"]
        for _ in range(2):  # built, then stored
            response = self.get(self.middle.url, if_none_match=etag)
            self.assertEqual(response.status_code, 304)
            self.assertEqual(response.content, b"")
        response = self.get(self.middle.url, if_none_match='"khac"')
        self.assertEqual(response.status_code, 200)
        self.assertIn("max-age=0", response["Cache-Control"])
        self.assertIn("public", response["Cache-Control"])
        self.assertNotIn("Cookie", response.get("Vary", ""))
        self.assertTrue(response.has_header("Last-Modified"))

    def test_tracking_parameters_share_a_page_and_page_numbers_do_not(self):
        self.cached(self.news.url)
        self.assertEqual(self.get(self.news.url + "?fbclid=abc&utm_source=zalo")["X-Cache"], "hit")
        self.assertEqual(self.get(self.news.url + "?trang=1")["X-Cache"], "miss")

    def test_not_found_and_editors_are_never_stored(self):
        for _ in range(2):
            self.assertNotIn("X-Cache", self.get("/thoi-su/khong-co-bai-nay/"))
        editor = get_user_model().objects.create_superuser("bientap", "b@example.vn", "x")
        self.client.force_login(editor)
        for _ in range(2):
            response = self.get(self.middle.url)
            self.assertNotIn("X-Cache", response)
        self.client.logout()
        self.assertEqual(self.get(self.middle.url)["X-Cache"], "miss")

    def test_a_broken_cache_still_serves_pages(self):
        with mock.patch("toasoan.news.pagecache._pages", side_effect=ConnectionError("down")):
            response = self.get(self.middle.url)
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, self.middle.title)
        self.assertNotIn("X-Cache", response)


class NeverStaleTests(PageCacheTestCase):
    def test_an_edit_reaches_every_page_that_shows_the_article(self):
        shows_it = [self.middle.url, self.news.url, self.home.url,
                    self.articles[1].url, self.articles[3].url]
        self.cached(*shows_it, self.market.url, self.economy.url)
        self.publish(self.middle, title="Tin thời sự số 3 (cập nhật)")
        for url in shows_it:
            with self.subTest(url=url):
                response = self.get(url)
                self.assertEqual(response["X-Cache"], "miss")
                self.assertContains(response, "Tin thời sự số 3 (cập nhật)")
        # What does not show it stays stored.
        self.assertEqual(self.get(self.market.url)["X-Cache"], "hit")
        self.assertEqual(self.get(self.economy.url)["X-Cache"], "hit")

    def test_unpublishing_takes_it_off_everywhere(self):
        self.cached(self.middle.url, self.news.url, self.home.url, self.articles[1].url)
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=self.middle.pk).unpublish()
        self.assertEqual(self.get(self.middle.url).status_code, 404)
        for url in (self.news.url, self.home.url, self.articles[1].url):
            self.assertNotContains(self.get(url), self.middle.title)

    def test_a_new_article_joins_its_neighbours_lists(self):
        newest = self.articles[-1]
        self.cached(newest.url, self.news.url, self.home.url)
        with self.captureOnCommitCallbacks(execute=True):
            added = make_article(self.news, "Tin thời sự mới nhất", vn_time(2026, 3, 9))
        for url in (newest.url, self.news.url, self.home.url, added.url):
            self.assertContains(self.get(url), "Tin thời sự mới nhất")

    def test_a_move_updates_both_sections(self):
        self.cached(self.news.url, self.economy.url, self.market.url, self.articles[1].url)
        with self.captureOnCommitCallbacks(execute=True):
            ArticlePage.objects.get(pk=self.middle.pk).move(self.economy, "last-child")
        self.assertNotContains(self.get(self.news.url), self.middle.title)
        self.assertNotContains(self.get(self.articles[1].url), self.middle.title)
        self.assertContains(self.get(self.economy.url), self.middle.title)
        self.assertContains(self.get(self.market.url), self.middle.title)

    def test_the_most_read_list_follows_the_views_within_minutes(self):
        from toasoan.newsroom.scheduler import refresh_most_read

        self.cached(self.home.url, self.middle.url)
        refresh_most_read()  # the periodic job, every five minutes
        self.assertEqual(self.get(self.home.url)["X-Cache"], "miss")
        self.assertEqual(self.get(self.middle.url)["X-Cache"], "hit")

    def test_portal_settings_reach_every_page(self):
        self.cached(self.middle.url, self.news.url, self.home.url)
        settings = PortalSettings.for_site(self.home.get_site())
        settings.agency_name = "Ủy ban nhân dân huyện Đổi Tên"
        with self.captureOnCommitCallbacks(execute=True):
            settings.save()
        for url in (self.middle.url, self.news.url, self.home.url):
            self.assertContains(self.get(url), "Ủy ban nhân dân huyện Đổi Tên")

    def test_a_page_built_while_a_change_commits_is_not_kept(self):
        """The change commits and bumps while a reader's request is still building the
        page from what it read before: that page must not be served afterwards."""
        real_context = ArticlePage.get_context

        def context_then_change(page, request, *args, **kwargs):
            context = real_context(page, request, *args, **kwargs)  # the old data, read
            ArticlePage.objects.filter(pk=page.pk).update(title="Tiêu đề mới")
            pagecache.bump([f"article:{page.pk}"])  # the commit's bump, meanwhile
            return context

        with mock.patch.object(ArticlePage, "get_context", context_then_change):
            built = self.get(self.middle.url)
        self.assertContains(built, self.middle.title)
        after = self.get(self.middle.url)
        self.assertEqual(after["X-Cache"], "miss")
        self.assertContains(after, "Tiêu đề mới")


class SiteStructureTests(PageCacheTestCase):
    """The menu, sections and restrictions are kept in each process's memory
    (`toasoan.news.portal`) under the same `site` tag as the pages."""

    def test_a_new_section_reaches_the_menu_of_every_page(self):
        self.cached(self.middle.url, self.home.url)
        with self.captureOnCommitCallbacks(execute=True):
            culture = make_section(self.home, "Văn hóa - Xã hội")
        for url in (self.middle.url, self.home.url):
            self.assertContains(self.get(url), 'href="/van-hoa-xa-hoi/"')
        self.assertEqual(self.get(culture.url).status_code, 200)

    def test_a_view_restriction_applies_at_once_to_stored_pages(self):
        from wagtail.models import PageViewRestriction

        self.cached(self.middle.url, self.news.url)
        with self.captureOnCommitCallbacks(execute=True):
            PageViewRestriction.objects.create(
                page=self.news, restriction_type=PageViewRestriction.PASSWORD, password="mat-khau"
            )
        for url in (self.middle.url, self.news.url):
            response = self.get(url)
            self.assertNotContains(response, self.middle.title)
            self.assertContains(response, 'name="password"')
            self.assertNotIn("X-Cache", response)

    def test_routing_reads_the_page_only(self):
        self.assertEqual(self.get("/thoi-su/khong-co/").status_code, 404)
        self.assertEqual(self.get("/khong-co/tin-thoi-su-so-3/").status_code, 404)
        self.assertEqual(self.get("/thoi-su/tin-thoi-su-so-3/them/").status_code, 404)
        self.assertContains(self.get("/thoi-su/tin-thoi-su-so-3/"), self.middle.title)


class StoreDownTests(PageCacheTestCase):
    def test_a_change_the_store_missed_is_written_when_it_is_back(self):
        self.cached(self.middle.url)
        real = pagecache._shared

        def down():
            raise ConnectionError("Redis đang dừng")

        with mock.patch("toasoan.news.pagecache._shared", side_effect=down):
            self.publish(self.middle, title="Sửa khi bộ nhớ đệm đang dừng")
        self.assertIs(pagecache._shared, real)
        pagecache.bump()  # the job thread's next tick
        self.assertContains(self.get(self.middle.url), "Sửa khi bộ nhớ đệm đang dừng")
