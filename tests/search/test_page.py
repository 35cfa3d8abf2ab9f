"""The public search page /tim-kiem/: results, escaping, odd queries, pagination, filters,
and the index following what editors do."""

import unicodedata
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

from django.test import TestCase
from wagtail.actions.convert_alias import ConvertAliasPageAction
from wagtail.models import PageViewRestriction

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.news.models import ArticlePage

URL = "/tim-kiem/"
LEAD = "Tin từ cơ sở."
DATE_ERROR = "Ngày không hợp lệ: hãy nhập ngày/tháng/năm, ví dụ 08/01/2021."
HELP = "Nhập từ cần tìm vào ô trên"
CUT_NOTICE = "Từ khóa dài quá nên chỉ phần đầu được dùng để tìm (tối đa 200 ký tự"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}

XSS_TITLE = 'Cảnh báo mã độc "><img src=x onerror=alert(1)> &amp; trên mạng'
XSS_LEAD = "Chuỗi <script>alert(1)</script> bị chặn."
XSS_QUERY = '<script>alert(1)</script> "><img src=x onerror=alert(1)> &amp;'
BOLD_TITLE = "Hướng dẫn dùng thẻ <b> trong văn bản"


class Node:
    def __init__(self, tag, attrs, ancestors):
        self.tag, self.attrs, self.ancestors = tag, dict(attrs), ancestors
        self.parts = []

    @property
    def text(self):
        return "".join(self.parts)

    @property
    def classes(self):
        return (self.attrs.get("class") or "").split()


class Tree(HTMLParser):
    """Every element of a page in document order, each with its text (unescaped) and
    its ancestors: enough to tell text from markup."""

    def __init__(self, html):
        super().__init__()
        self.nodes, self.stack = [], []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, list(self.stack))
        self.nodes.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag, attrs):
        self.nodes.append(Node(tag, attrs, list(self.stack)))

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index].tag == tag:
                del self.stack[index:]
                break

    def handle_data(self, data):
        for node in self.stack:
            node.parts.append(data)

    def find_all(self, tag=None, cls=None, inside=None, **attrs):
        return [
            node for node in self.nodes
            if (tag is None or node.tag == tag)
            and (cls is None or cls in node.classes)
            and (inside is None or inside in node.ancestors)
            and all(node.attrs.get(key) == value for key, value in attrs.items())
        ]

    def find(self, *args, **kwargs):
        found = self.find_all(*args, **kwargs)
        assert len(found) == 1, f"{len(found)} elements match {args} {kwargs}"
        return found[0]


def tree(response):
    return Tree(response.content.decode())


def results(response):
    """Each result as a dict: title, url, marks in the title, section, time, snippet."""
    page = tree(response)
    lists = page.find_all("ol", cls="search-results")
    if not lists:
        return []
    items = []
    for item in page.find_all("li", cls="item", inside=lists[0]):
        heading = page.find("h2", cls="item-title", inside=item)
        link = page.find("a", inside=heading)
        meta = page.find("p", cls="item-time", inside=item)
        time = page.find("time", inside=meta)
        sections = page.find_all("a", inside=meta)
        snippet = page.find("p", cls="item-lead", inside=item)
        items.append({
            "title": heading.text,
            "url": link.attrs["href"],
            "title_marks": [mark.text for mark in page.find_all("mark", inside=heading)],
            "section": sections[0].text if sections else None,
            "section_url": sections[0].attrs["href"] if sections else None,
            "time": time.text,
            "datetime": time.attrs["datetime"],
            "snippet": snippet.text,
            "snippet_marks": [mark.text for mark in page.find_all("mark", inside=snippet)],
        })
    return items


def titles(response):
    return [item["title"] for item in results(response)]


def box_value(response):
    return tree(response).find("input", id="id_q").attrs.get("value")


class SearchPageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.economy = make_section(home, "Kinh tế")
        cls.rural = make_section(cls.economy, "Nông thôn mới")
        cls.culture = make_section(home, "Văn hóa - Xã hội")
        cls.rice = make_article(
            cls.economy, "Giá lúa tăng mạnh tại xã Tân Lập", vn_time(2026, 3, 10, 16, 4),
            lead="Sáng 10/3, thương lái thu mua lúa tươi với giá cao.", authors=(),
            body=[{"type": "text", "value": "<p>Nhiều hộ phấn khởi vì được mùa.</p>"}],
        )
        # Twelve harvest articles: 8 in Kinh tế, 3 in its subsection, 1 in Văn hóa.
        cls.harvest = []
        for n in range(12):
            section = cls.economy if n < 8 else cls.rural if n < 11 else cls.culture
            cls.harvest.append(make_article(
                section, f"Mùa gặt ở thôn số {n + 1:02d}", vn_time(2026, 4, 1 + n, 9),
                lead=LEAD, authors=(),
            ))
        # Around the boundaries of May 2026, Vietnam time (UTC+7).
        cls.before_may = make_article(cls.culture, "Khuyến nông: tin cuối tháng Tư",
                                      vn_time(2026, 4, 30, 23, 59), lead=LEAD, authors=())
        cls.may_first = make_article(cls.culture, "Khuyến nông: tin đầu tháng Năm",
                                     vn_time(2026, 5, 1, 0, 0), lead=LEAD, authors=())
        cls.may_last = make_article(cls.culture, "Khuyến nông: tin cuối tháng Năm",
                                    vn_time(2026, 5, 31, 23, 59), lead=LEAD, authors=())
        cls.after_may = make_article(cls.culture, "Khuyến nông: tin đầu tháng Sáu",
                                     vn_time(2026, 6, 1, 0, 0), lead=LEAD, authors=())
        cls.xss = make_article(cls.culture, XSS_TITLE, vn_time(2026, 2, 1), lead=XSS_LEAD,
                               authors=())
        cls.bold = make_article(cls.culture, BOLD_TITLE, vn_time(2026, 2, 2), authors=(),
                                lead="Thẻ <i>nghiêng</i> cũng được hiện nguyên văn.")
        make_article(cls.culture, "Anh em an tâm ăn Tết", vn_time(2026, 2, 4), lead=LEAD,
                     authors=())
        make_article(cls.culture, "Tổ hòa giải ở thôn Đoài", vn_time(2026, 2, 5), lead=LEAD,
                     authors=())
        filler = "Người dân trong xã tích cực tham gia lao động sản xuất. " * 12
        cls.long_body = make_article(
            cls.culture, "Chuyện làng quê", vn_time(2026, 2, 3), lead=LEAD, authors=(),
            body=[{"type": "text",
                   "value": f"<p>{filler}Mùa này ao nào cũng có cá rô. {filler}</p>"}],
        )

    def get(self, status=200, **params):
        response = self.client.get(URL, params)
        self.assertEqual(response.status_code, status, response.content.decode()[-3000:])
        return response

    # -- results ----------------------------------------------------------------------

    def test_result_shows_title_section_time_and_marked_snippet(self):
        response = self.get(q="gia lua")
        [hit] = results(response)
        self.assertEqual(hit["title"], "Giá lúa tăng mạnh tại xã Tân Lập")
        self.assertEqual(hit["title_marks"], ["Giá", "lúa"])
        self.assertEqual(hit["url"], self.rice.url)
        self.assertEqual(hit["section"], "Kinh tế")
        self.assertEqual(hit["section_url"], self.economy.url)
        self.assertEqual(hit["time"], "16:04 10/03/2026")
        self.assertEqual(hit["datetime"], "2026-03-10T16:04:00+07:00")
        self.assertEqual(hit["snippet"], "Sáng 10/3, thương lái thu mua lúa tươi với giá cao.")
        self.assertEqual(hit["snippet_marks"], ["lúa", "giá"])
        self.assertContains(response, "Tìm thấy 1 bài viết cho “<strong>gia lua</strong>”")

    def test_snippet_is_the_passage_around_the_words(self):
        [hit] = results(self.get(q="cá rô"))
        self.assertTrue(hit["snippet"].startswith("… "), hit["snippet"])
        self.assertTrue(hit["snippet"].endswith(" …"), hit["snippet"])
        self.assertIn("Mùa này ao nào cũng có cá rô.", hit["snippet"])
        self.assertEqual(hit["snippet_marks"], ["cá", "rô"])
        self.assertLess(len(hit["snippet"]), 300)

    def test_highlights_whole_words_in_any_spelling(self):
        self.assertEqual(results(self.get(q="an"))[0]["title_marks"], ["an", "ăn"])
        for query in ["hoà giải", unicodedata.normalize("NFD", "hoà giải"), "HOA GIAI"]:
            with self.subTest(query=query):
                self.assertEqual(results(self.get(q=query))[0]["title_marks"], ["hòa", "giải"])
        self.assertEqual(results(self.get(q='"hoà giải"'))[0]["title_marks"], ["hòa giải"])

    def test_query_stays_in_the_box(self):
        for query in ["giá lúa", "gia lua", '"giá lúa" tăng', "Giá  LÚA"]:
            with self.subTest(query=query):
                self.assertEqual(box_value(self.get(q=query)), query)

    def test_no_result_is_a_helpful_page(self):
        response = self.get(q="tàu vũ trụ")
        self.assertEqual(results(response), [])
        self.assertContains(response,
                            "Không tìm thấy bài viết nào cho “<strong>tàu vũ trụ</strong>”")
        self.assertContains(response, "Kiểm tra lại chính tả")

    # -- escaping ---------------------------------------------------------------------

    def assert_no_injected_markup(self, response):
        page = tree(response)
        main = page.find("main")  # the header's emblem is the site's own picture
        self.assertEqual(page.find_all("script", inside=main), [])
        self.assertEqual(page.find_all("img", inside=main), [])
        self.assertEqual(page.find_all("svg"), [])
        self.assertEqual(page.find_all("b"), [])
        self.assertEqual(page.find_all("i"), [])
        for node in page.nodes:
            for name in node.attrs:
                self.assertFalse(name.startswith("on"), f"<{node.tag} {name}=...> injected")

    def test_query_markup_is_escaped_in_the_box_the_summary_and_the_highlights(self):
        response = self.get(q=XSS_QUERY)
        self.assert_no_injected_markup(response)
        page = tree(response)
        self.assertEqual(page.find("input", id="id_q").attrs["value"], XSS_QUERY)
        summary = page.find("div", cls="search-summary")
        self.assertEqual(page.find("strong", inside=summary).text, XSS_QUERY)
        self.assertIn(XSS_QUERY, page.find("title").text)
        html = response.content.decode()
        self.assertIn("&lt;script&gt;alert(1)&lt;/script&gt;", html)
        self.assertIn("&amp;amp;", html)  # the reader's own `&amp;`, shown as typed

        [hit] = results(response)
        self.assertEqual(hit["title"], XSS_TITLE)
        self.assertEqual(hit["title_marks"], ["img src=x onerror=alert(1)> &amp"])
        self.assertEqual(hit["snippet"], XSS_LEAD)
        self.assertEqual(hit["snippet_marks"], ["script>alert(1)</script"])
        self.assertIn("<mark>script&gt;alert(1)&lt;/script</mark>", html)

    def test_query_markup_is_escaped_when_nothing_is_found(self):
        query = '"><svg onload=alert(1)>'
        response = self.get(q=query)
        self.assert_no_injected_markup(response)
        self.assertEqual(results(response), [])
        page = tree(response)
        summary = page.find("div", cls="search-summary")
        self.assertEqual(page.find("strong", inside=summary).text, query)
        self.assertIn("Không tìm thấy bài viết nào", summary.text)
        self.assertEqual(box_value(response), query)

    def test_query_markup_is_escaped_on_the_help_page(self):
        query = "<>&\"'"
        response = self.get(q=query)
        self.assert_no_injected_markup(response)
        self.assertContains(response, HELP)
        self.assertContains(response, "&lt;&gt;&amp;&quot;&#x27;")
        self.assertEqual(box_value(response), query)

    def test_article_text_with_markup_is_shown_escaped(self):
        response = self.get(q="thẻ")
        self.assert_no_injected_markup(response)
        [hit] = results(response)
        self.assertEqual(hit["title"], BOLD_TITLE)
        self.assertEqual(hit["title_marks"], ["thẻ"])
        self.assertEqual(hit["snippet"], "Thẻ <i>nghiêng</i> cũng được hiện nguyên văn.")
        self.assertContains(response, "<mark>thẻ</mark> &lt;b&gt; trong văn bản")

    # -- empty, odd and long queries --------------------------------------------------

    def test_empty_queries_show_help(self):
        for params in [{}, {"q": ""}, {"q": "   "}, {"q": " \t\n "}, {"q": "\u3000"}]:
            with self.subTest(params=params):
                response = self.get(**params)
                self.assertContains(response, HELP)
                self.assertNotContains(response, "search-results")

    def test_punctuation_only_query_says_there_is_nothing_to_search(self):
        for query in ["?!…", "---", "“”", '""', "...", "@#$%^&*()"]:
            with self.subTest(query=query):
                response = self.get(q=query)
                self.assertContains(response, HELP)
                self.assertContains(response, "không có chữ hay số nào để tìm")
                self.assertEqual(box_value(response), query)

    def test_very_long_query_is_cut_not_fatal(self):
        query = "lúa " * 1250
        self.assertEqual(len(query), 5000)
        response = self.get(q=query)
        self.assertContains(response, CUT_NOTICE)
        self.assertEqual(titles(response), ["Giá lúa tăng mạnh tại xã Tân Lập"])

    def test_very_long_queries_of_other_shapes(self):
        for query in ["a" * 5000, " ".join(f"từ{n}" for n in range(1000))[:5000],
                      '"' + "giá lúa " * 700, "đ" * 4999 + "\x00"]:
            with self.subTest(query=query[:20]):
                response = self.get(q=query)
                self.assertContains(response, CUT_NOTICE)

    def test_more_than_ten_words_are_cut_with_a_notice(self):
        response = self.get(q="giá lúa " + " ".join(f"từ{n}" for n in range(12)))
        self.assertContains(response, CUT_NOTICE)

    def test_nul_bytes_are_not_an_error(self):
        self.assertEqual(titles(self.get(q="lúa\x00")), ["Giá lúa tăng mạnh tại xã Tân Lập"])
        self.assertEqual(titles(self.get(q="\x00giá lúa\x00")),
                         ["Giá lúa tăng mạnh tại xã Tân Lập"])
        self.assertContains(self.get(q="\x00"), HELP)
        self.get(status=400, q="lúa", tu_ngay="2026\x00-05-01")
        self.get(status=400, q="lúa", chuyen_muc="\x00")
        self.get(status=404, q="lúa", trang="1\x00")

    def test_query_syntax_of_the_databases_is_just_text(self):
        queries = [
            "OR", "NOT lúa", "lúa AND", "lúa OR giá", "NEAR(lúa giá)", "lúa*", "^lúa",
            "giá:lúa", "title_words: lúa", "{title_words}: lúa", "lúa & giá | !x", "lúa <-> giá",
            "'", "''", "\\", "%", "_", "(", ")", "lúa -giá", "+lúa", "m²", "中国", "😀",
            "a:b:c", "lúa:*", "lúa:ABC", "'lúa'", "lúa'; DROP TABLE search_searchdocument; --",
        ]
        for query in queries:
            with self.subTest(query=query):
                self.get(q=query)
        for query in ["lúa*", "^lúa", "+lúa", "'lúa'", "lúa:*", "giá:lúa"]:
            with self.subTest(query=query):
                self.assertIn("Giá lúa tăng mạnh tại xã Tân Lập", titles(self.get(q=query)))

    # -- pagination -------------------------------------------------------------------

    def pagination_links(self, response):
        page = tree(response)
        navs = page.find_all("nav", cls="pagination")
        if not navs:
            return []
        return [parse_qs(urlsplit(link.attrs["href"]).query)
                for link in page.find_all("a", inside=navs[0])]

    def test_ten_results_a_page(self):
        response = self.get(q="gặt")
        self.assertEqual(titles(response),
                         [f"Mùa gặt ở thôn số {n:02d}" for n in range(12, 2, -1)])
        self.assertContains(response, "Tìm thấy 12 bài viết cho “<strong>gặt</strong>”, trang 1/2.")
        self.assertEqual(tree(response).find("ol", cls="search-results").attrs["start"], "1")
        links = self.pagination_links(response)
        self.assertTrue(links)
        for params in links:
            self.assertEqual(params["q"], ["gặt"])

        response = self.get(q="gặt", trang="2")
        self.assertEqual(titles(response), ["Mùa gặt ở thôn số 02", "Mùa gặt ở thôn số 01"])
        self.assertEqual(tree(response).find("ol", cls="search-results").attrs["start"], "11")
        self.assertEqual(box_value(response), "gặt")

    def test_page_links_keep_the_query_and_the_filters(self):
        params = {"q": "gặt", "chuyen_muc": str(self.economy.pk), "tu_ngay": "2026-04-01",
                  "den_ngay": "30/04/2026"}
        response = self.get(**params, trang="2")
        self.assertEqual(titles(response), ["Mùa gặt ở thôn số 01"])
        self.assertContains(response, "Tìm thấy 11 bài viết")
        links = self.pagination_links(response)
        self.assertIn("1", [link["trang"][0] for link in links])
        for link in links:
            with self.subTest(link=link):
                self.assertEqual({key: value for key, value in link.items() if key != "trang"},
                                 {key: [value] for key, value in params.items()})
        selected = [option.attrs["value"] for option in tree(response).find_all("option")
                    if "selected" in option.attrs]
        self.assertEqual(selected, [str(self.economy.pk)])

    def test_bad_page_numbers_are_404(self):
        for value in ["3", "0", "-1", "abc", "1.5", "１", "", "99999999999999999999"]:
            with self.subTest(trang=value):
                response = self.get(status=404, q="gặt", trang=value)
                self.assertContains(response, "Không tìm thấy trang", status_code=404)
        self.get(status=404, q="gia lua", trang="2")

    # -- filters ----------------------------------------------------------------------

    def test_section_filter_includes_its_subsections(self):
        found = titles(self.get(q="gặt", chuyen_muc=str(self.economy.pk), trang="1"))
        found += titles(self.get(q="gặt", chuyen_muc=str(self.economy.pk), trang="2"))
        self.assertEqual(sorted(found), [f"Mùa gặt ở thôn số {n:02d}" for n in range(1, 12)])

    def test_section_filter_on_a_subsection_or_another_section(self):
        self.assertEqual(titles(self.get(q="gặt", chuyen_muc=str(self.rural.pk))),
                         ["Mùa gặt ở thôn số 11", "Mùa gặt ở thôn số 10", "Mùa gặt ở thôn số 09"])
        self.assertEqual(titles(self.get(q="gặt", chuyen_muc=str(self.culture.pk))),
                         ["Mùa gặt ở thôn số 12"])
        self.assertEqual(titles(self.get(q="giá lúa", chuyen_muc=str(self.culture.pk))), [])

    def test_date_range_is_inclusive_in_vietnam_time(self):
        first, last = self.may_first.title, self.may_last.title
        cases = [
            ({"tu_ngay": "2026-05-01", "den_ngay": "2026-05-31"}, [last, first]),
            ({"tu_ngay": "01/05/2026", "den_ngay": "31/05/2026"}, [last, first]),
            ({"tu_ngay": "1/5/2026", "den_ngay": "31/5/2026"}, [last, first]),
            ({"tu_ngay": "2026-05-01"}, [self.after_may.title, last, first]),
            ({"den_ngay": "30/04/2026"}, [self.before_may.title]),
            ({"tu_ngay": "2026-05-31", "den_ngay": "2026-05-31"}, [last]),
            ({"tu_ngay": "2026-06-01", "den_ngay": "2026-06-01"}, [self.after_may.title]),
            ({"tu_ngay": "2026-04-30", "den_ngay": "2026-04-30"}, [self.before_may.title]),
            ({"tu_ngay": "2026-05-02", "den_ngay": "2026-05-30"}, []),
        ]
        for filters, expected in cases:
            with self.subTest(**filters):
                self.assertEqual(titles(self.get(q="khuyến nông", **filters)), expected)

    def test_filters_stay_in_the_form(self):
        for given in ["2026-05-01", "01/05/2026"]:
            with self.subTest(tu_ngay=given):
                response = self.get(q="khuyến nông", chuyen_muc=str(self.culture.pk),
                                    tu_ngay=given, den_ngay="2026-05-31")
                self.assertEqual(len(results(response)), 2)
                page = tree(response)
                # An <input type="date"> takes only YYYY-MM-DD: any other value shows an
                # empty box, and the next search would silently drop the filter.
                self.assertEqual(page.find("input", name="tu_ngay").attrs.get("value"),
                                 "2026-05-01")
                self.assertEqual(page.find("input", name="den_ngay").attrs.get("value"),
                                 "2026-05-31")
                selected = [option.attrs["value"] for option in page.find_all("option")
                            if "selected" in option.attrs]
                self.assertEqual(selected, [str(self.culture.pk)])

    def test_bad_filters_are_400_with_vietnamese_messages(self):
        cases = [
            ({"tu_ngay": "2026-13-45"}, DATE_ERROR),
            ({"tu_ngay": "31/02/2026"}, DATE_ERROR),
            ({"den_ngay": "hôm qua"}, DATE_ERROR),
            ({"den_ngay": "2026-05-01T00:00"}, DATE_ERROR),
            ({"tu_ngay": "2026-05-10", "den_ngay": "2026-05-01"},
             "Ngày kết thúc phải sau ngày bắt đầu."),
            ({"tu_ngay": "10/05/2026", "den_ngay": "01/05/2026"},
             "Ngày kết thúc phải sau ngày bắt đầu."),
            ({"chuyen_muc": "999999"}, "Chuyên mục này không có trên cổng."),
            ({"chuyen_muc": "abc"}, "Chuyên mục này không có trên cổng."),
            ({"chuyen_muc": str(self.rice.pk)}, "Chuyên mục này không có trên cổng."),
        ]
        for filters, message in cases:
            with self.subTest(**filters):
                response = self.get(status=400, q="khuyến nông", **filters)
                self.assertContains(response, message, status_code=400)
                self.assertContains(response, "Chưa tìm được vì bộ lọc có chỗ chưa đúng",
                                    status_code=400)
                self.assertEqual(box_value(response), "khuyến nông")
                self.assertEqual(results(response), [])


class IndexFollowsEditsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        cls.economy = make_section(home, "Kinh tế")
        cls.culture = make_section(home, "Văn hóa")
        cls.article = make_article(cls.economy, "Khánh thành chợ đầu mối nông sản",
                                   vn_time(2026, 5, 5, 10), lead=LEAD, authors=())

    def page(self):
        return ArticlePage.objects.get(pk=self.article.pk)

    def found(self, query, **filters):
        response = self.client.get(URL, {"q": query, **filters})
        self.assertEqual(response.status_code, 200)
        return results(response)

    def test_publishing_an_edit(self):
        page = self.page()
        page.title = "Khai trương trung tâm thương mại huyện"
        page.lead = "Trung tâm có hơn 200 gian hàng."
        page.save_revision().publish()
        self.assertEqual(self.found("chợ đầu mối"), [])
        [hit] = self.found("trung tâm thương mại")
        self.assertEqual(hit["title"], "Khai trương trung tâm thương mại huyện")
        self.assertEqual(hit["snippet"], "Trung tâm có hơn 200 gian hàng.")
        self.assertEqual(hit["time"], "10:00 05/05/2026")  # first publication, kept
        self.assertEqual(self.found("Tin từ cơ sở"), [])

    def test_saving_a_draft_changes_nothing(self):
        page = self.page()
        page.title = "Tiêu đề nháp chưa duyệt"
        page.save_revision()
        self.assertEqual(self.found("nháp chưa duyệt"), [])
        self.assertEqual([hit["title"] for hit in self.found("chợ đầu mối")],
                         ["Khánh thành chợ đầu mối nông sản"])

    def test_unpublishing_and_publishing_again(self):
        self.page().unpublish()
        self.assertEqual(self.found("chợ đầu mối"), [])
        self.page().save_revision().publish()
        self.assertEqual(len(self.found("chợ đầu mối")), 1)

    def test_moving_to_another_section(self):
        self.page().move(self.culture, pos="last-child")
        moved = self.page()
        self.assertEqual(self.found("chợ đầu mối", chuyen_muc=str(self.economy.pk)), [])
        [hit] = self.found("chợ đầu mối", chuyen_muc=str(self.culture.pk))
        self.assertEqual(hit["section"], "Văn hóa")
        self.assertEqual(hit["section_url"], self.culture.url)
        self.assertEqual(hit["url"], moved.url)
        self.assertTrue(moved.url.startswith(self.culture.url))

    def test_deleting(self):
        self.page().delete()
        self.assertEqual(self.found("chợ đầu mối"), [])

    def test_converting_an_alias_into_an_ordinary_page(self):
        alias = self.page().create_alias(parent=self.culture, update_slug="cho-dau-moi-van-hoa")
        # An alias is the same article at a second address: listed once, at the original.
        self.assertEqual([hit["url"] for hit in self.found("chợ đầu mối")], [self.article.url])
        ConvertAliasPageAction(alias).execute(skip_permission_checks=True)
        converted = ArticlePage.objects.get(pk=alias.pk)
        self.assertTrue(converted.live)
        self.assertIsNone(converted.alias_of_id)
        # Now an article of its own, live in Văn hóa: it is found there.
        self.assertEqual(
            [hit["url"] for hit in self.found("chợ đầu mối", chuyen_muc=str(self.culture.pk))],
            [converted.url],
        )

    def test_restricting_the_section(self):
        restriction = PageViewRestriction.objects.create(
            page=self.economy, restriction_type=PageViewRestriction.PASSWORD, password="matkhau"
        )
        self.assertEqual(self.found("chợ đầu mối"), [])
        with self.captureOnCommitCallbacks(execute=True):
            restriction.delete()
        self.assertEqual(len(self.found("chợ đầu mối")), 1)
