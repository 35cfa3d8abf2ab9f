"""What a query finds: accents, tone placement, NFD, case, every field, live articles only.

One small corpus of articles, each carrying carefully chosen words in one field, and a
table of (query, titles that must be found, titles that must not). Ranking is in
test_ranking.py; the page itself in test_page.py.
"""

import unicodedata

from django.test import TestCase
from wagtail.models import PageViewRestriction

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.search import engine
from toasoan.search.indexing import rebuild
from toasoan.search.models import SearchDocument
from toasoan.search.query import parse

LEAD = "Tin từ cơ sở."


def nfd(text):
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text, "the NFD form should differ, or the case tests nothing"
    return decomposed


# key -> (title, extra make_article arguments)
CORPUS = {
    # Six words that fold to `dang`, and two that must not be taken for it.
    "party": ("Đại hội Đảng bộ xã Tân Lập", {}),
    "post": ("Thông báo đăng ký xét tuyển viên chức", {}),
    "offer": ("Lễ dâng hương tưởng niệm các anh hùng liệt sĩ", {}),
    "form": ("Đa dạng sinh kế cho hộ nghèo", {}),
    "plain": ("Công trình dang dở ở thôn Bến Trại", {}),
    "easy": ("Thủ tục dễ dàng hơn cho người nộp hồ sơ", {}),
    "people": ("Người dân thôn Gò Găng hiến đất làm đường", {}),
    "honour": ("Vinh danh học sinh giỏi cấp huyện", {}),
    # Old and new tone placement.
    "hoa_old": ("Xã Hòa Xuân đón bằng công nhận", {}),
    "hoa_new": ("Tập huấn kỹ năng hoà giải ở cơ sở", {}),
    "thuy_old": ("Xã Thủy Lâm nạo vét kênh mương", {}),
    "thuy_new": ("Công trình thuỷ lợi vào mùa khô", {}),
    # Title and body given decomposed (NFD), as some keyboards and pastes produce.
    "nfd": (
        nfd("Nghiệm thu cầu Khê Thượng"),
        {"body": [{"type": "text", "value": nfd("<p>Kè đá suối Mơ được gia cố.</p>")}]},
    ),
    "upper": ("UBND HUYỆN PHÁT ĐỘNG THI ĐUA", {}),
    # `an` is a word (safe, peace), not a stop word; `ăn` folds to it, `anh` does not.
    "an": ("Bảo đảm an toàn giao thông dịp Tết", {}),
    "apart": ("Giao thông nông thôn: bảo đảm an toàn cho người đi bộ", {}),
    "eat": ("Bữa ăn bán trú cho học sinh", {}),
    "number": ("Thu ngân sách năm 2025 đạt 1.250 tỷ đồng", {}),
    "hyphen": ("Phòng, chống Covid-19 trên tuyến Bắc-Nam", {}),
    # Words present in one field only.
    "lead_only": (
        "Mô hình mới ở xã Yên Trạch",
        {"lead": "Nông dân trồng nấm linh chi trong nhà màng."},
    ),
    "body_only": (
        "Chuyện nghề ở thôn Đông",
        {"body": [{"type": "text",
                   "value": "<p>Bà con nuôi <strong>ong lấy mật</strong> quanh năm.</p>"}]},
    ),
    "caption": ("Ảnh hoạt động tuần qua", {"caption": "Đoàn viên chèo thuyền trên sông Vân"}),
    "tag": ("Tin công nghệ tuần này", {"tags": ("chuyển đổi số",)}),
    "author": ("Phóng sự từ vùng cao", {"authors": ("Lê Thị Phượng",)}),
    "build": ("Xây dựng đường liên thôn Đoài", {}),
}

# Never to be found: a draft, an article taken down, articles behind a password.
DRAFT = "Bản nháp: khánh thành cầu treo Nậm Mơ"
TAKEN_DOWN = "Tin đã gỡ: múa kỳ lân đêm rằm"
PRIVATE = "Tài liệu nội bộ về quy hoạch sân golf"
PRIVATE_NESTED = "Biên bản họp kín về đền bù giải phóng mặt bằng"

DANG = {"party", "post", "offer", "form", "plain", "easy"}
NOT_DANG = {"people", "honour"}

# (query, keys that must be found, keys or titles that must not)
TABLE = [
    # Accent-insensitive: every spelling of `dang` finds all six, and nothing else.
    ("dang", DANG, NOT_DANG),
    ("Dang", DANG, NOT_DANG),
    ("Đảng", DANG, NOT_DANG),
    ("ĐẢNG", DANG, NOT_DANG),
    (nfd("Đảng"), DANG, NOT_DANG),
    ("đăng", DANG, NOT_DANG),
    ("dâng", DANG, NOT_DANG),
    ("dạng", DANG, NOT_DANG),
    ("dàng", DANG, NOT_DANG),
    (nfd("dàng"), DANG, NOT_DANG),
    ("dan", {"people"}, DANG | {"honour"}),
    ("danh", {"honour"}, DANG | {"people"}),
    # Every word must be there.
    ("Đảng Tân Lập", {"party"}, DANG - {"party"}),
    ("Đảng hòa", set(), {"party", "hoa_old", "hoa_new"}),
    # Tone placement: hòa/hoà, thủy/thuỷ, either way round, NFC or NFD.
    ("hòa", {"hoa_old", "hoa_new"}, {"thuy_old"}),
    ("hoà", {"hoa_old", "hoa_new"}, {"thuy_old"}),
    ("hoa", {"hoa_old", "hoa_new"}, {"thuy_old"}),
    ("Hoà Xuân", {"hoa_old"}, {"hoa_new"}),
    ("hòa giải", {"hoa_new"}, {"hoa_old"}),
    (nfd("hòa giải"), {"hoa_new"}, {"hoa_old"}),
    ("thủy", {"thuy_old", "thuy_new"}, {"hoa_old"}),
    ("thuỷ", {"thuy_old", "thuy_new"}, {"hoa_old"}),
    ("thuỷ lâm", {"thuy_old"}, {"thuy_new"}),
    ("thủy lợi", {"thuy_new"}, {"thuy_old"}),
    (nfd("Thủy Lâm"), {"thuy_old"}, {"thuy_new"}),
    # A document written in NFD, found by NFC, NFD and unaccented queries.
    ("Khê Thượng", {"nfd"}, set()),
    (nfd("khê thượng"), {"nfd"}, set()),
    ("khe thuong", {"nfd"}, set()),
    ("kè đá suối mơ", {"nfd"}, set()),
    (nfd("Kè đá"), {"nfd"}, set()),
    # Case.
    ("phát động thi đua", {"upper"}, set()),
    ("Ubnd Huyện", {"upper"}, set()),
    ("PHAT DONG", {"upper"}, set()),
    ("THUY LOI", {"thuy_new"}, {"thuy_old"}),
    # `an` is searched for, as a whole word.
    ("an", {"an", "apart", "eat"}, {"offer"}),
    ("ăn", {"an", "apart", "eat"}, {"offer"}),
    ("an toàn", {"an", "apart"}, {"eat"}),
    ("an toàn giao thông", {"an", "apart"}, {"eat"}),
    # A quoted phrase must appear as a phrase, not as the same words apart.
    ('"an toàn giao thông"', {"an"}, {"apart"}),
    ("“an toàn giao thông”", {"an"}, {"apart"}),
    ('"an toàn giao thông', {"an"}, {"apart"}),  # the closing quote forgotten
    ('"giao thông an toàn"', set(), {"an", "apart"}),
    ('"bảo đảm an toàn" "giao thông"', {"an", "apart"}, set()),
    # A phrase is looked for inside one field, not across the end of one field and the
    # start of the next (title -> lead -> body -> captions, tags and authors).
    ('"Yên Trạch nông dân"', set(), {"lead_only"}),
    ('"nhà màng nội dung"', set(), {"lead_only"}),
    ('"bài viết đoàn viên"', set(), {"caption"}),
    ('"Yên Trạch"', {"lead_only"}, set()),
    ('"nông dân trồng nấm"', {"lead_only"}, set()),
    # Numbers.
    ("2025", {"number"}, set()),
    ("ngân sách 2025", {"number"}, set()),
    ("1.250", {"number"}, set()),
    ("2024", set(), {"number"}),
    # Hyphenated words.
    ("covid-19", {"hyphen"}, set()),
    ("Covid 19", {"hyphen"}, set()),
    ("covid", {"hyphen"}, set()),
    ("bắc-nam", {"hyphen"}, set()),
    ("bac nam", {"hyphen"}, set()),
    # Words present only in the lead, the body, a caption, a tag, an author's name.
    ("nấm linh chi", {"lead_only"}, set()),
    ("ong lấy mật", {"body_only"}, set()),
    ("nuoi ong", {"body_only"}, set()),
    ("strong", set(), {"body_only"}),  # markup is not text
    ("chèo thuyền", {"caption"}, set()),
    ("chuyển đổi số", {"tag"}, set()),
    ("chuyen doi so", {"tag"}, set()),
    ("Phượng", {"author"}, set()),
    ("le thi phuong", {"author"}, set()),
    ("xây dựng", {"build"}, set()),
    ("xay dung duong", {"build"}, set()),
    # Drafts, articles taken down, and articles behind a password: never.
    ("cầu treo", set(), {DRAFT}),
    ("khanh thanh cau treo", set(), {DRAFT}),
    ("kỳ lân", set(), {TAKEN_DOWN}),
    ("ky lan", set(), {TAKEN_DOWN}),
    ("sân golf", set(), {PRIVATE}),
    ("quy hoạch", set(), {PRIVATE}),
    ("đền bù", set(), {PRIVATE_NESTED}),
    ("Tài liệu nội bộ", set(), {PRIVATE}),
]


class MatchingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        home = make_home()
        news = make_section(home, "Thời sự")
        cls.articles = {}
        for n, (key, (title, extra)) in enumerate(CORPUS.items()):
            options = {"lead": LEAD, "authors": (), **extra}
            cls.articles[key] = make_article(news, title, vn_time(2026, 3, 1, 7, n), **options)
        make_article(news, DRAFT, vn_time(2026, 3, 2), lead=LEAD, live=False)
        taken_down = make_article(news, TAKEN_DOWN, vn_time(2026, 3, 2), lead=LEAD)
        taken_down.unpublish()
        private = make_section(home, "Nội bộ")
        make_article(private, PRIVATE, vn_time(2026, 3, 3), lead=LEAD)
        records = make_section(private, "Hồ sơ")
        make_article(records, PRIVATE_NESTED, vn_time(2026, 3, 3), lead=LEAD)
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.PASSWORD, password="matkhau"
        )
        cls.titles = {key: article.title for key, article in cls.articles.items()}

    def found(self, query):
        return {document.title for document in engine.search(parse(query))}

    def title(self, key):
        return self.titles.get(key, key)

    def check_table(self):
        for query, must, must_not in TABLE:
            with self.subTest(query=query):
                found = self.found(query)
                for key in must:
                    self.assertIn(self.title(key), found)
                for key in must_not:
                    self.assertNotIn(self.title(key), found)

    def test_table(self):
        self.check_table()

    def test_table_after_a_full_rebuild(self):
        """`update_index` builds the same index the signals keep."""
        self.assertEqual(rebuild(), SearchDocument.objects.count())
        self.check_table()

    def test_documents_are_stored_in_nfc(self):
        document = SearchDocument.objects.get(page_id=self.articles["nfd"].pk)
        self.assertEqual(document.title, "Nghiệm thu cầu Khê Thượng")
        self.assertIn("Kè đá suối Mơ được gia cố.", document.body)
        self.assertTrue(unicodedata.is_normalized("NFC", document.body))

    def test_only_live_public_articles_are_in_the_index(self):
        indexed = set(SearchDocument.objects.values_list("title", flat=True))
        self.assertEqual(indexed - {PRIVATE, PRIVATE_NESTED}, set(self.titles.values()))
        self.assertNotIn(DRAFT, indexed)
        self.assertNotIn(TAKEN_DOWN, indexed)

    def test_telex_typed_query_is_a_second_try(self):
        response = self.client.get("/tim-kiem/", {"q": "xaay duwngj"})
        self.assertEqual(response.status_code, 200)
        self.assertContains(response, "đọc từ khóa theo kiểu gõ Telex")
        self.assertContains(response, "<mark>Xây</mark> <mark>dựng</mark> đường liên thôn Đoài")

    def test_telex_is_not_tried_when_the_query_finds_something(self):
        response = self.client.get("/tim-kiem/", {"q": "xay dung"})
        self.assertContains(response, "<mark>Xây</mark> <mark>dựng</mark> đường liên thôn Đoài")
        self.assertNotContains(response, "kiểu gõ Telex")

    def test_telex_with_the_tone_typed_anywhere_after_the_vowel(self):
        for query in ["xaay duwjng", "xaay dujwng", "XAAY DUWNGJ"]:
            with self.subTest(query=query):
                response = self.client.get("/tim-kiem/", {"q": query})
                self.assertContains(response, "kiểu gõ Telex")
                self.assertContains(response, "<mark>Xây</mark> <mark>dựng</mark> đường")

    def test_telex_reading_ranks_the_spelling_it_stands_for_first(self):
        response = self.client.get("/tim-kiem/", {"q": "ddawng kys"})
        self.assertContains(response, "kiểu gõ Telex")
        first = response.content.decode().split('class="item-title">')[1].split("</h2>")[0]
        self.assertEqual(
            first,
            f'<a href="{self.articles["post"].url}">'
            "Thông báo <mark>đăng</mark> <mark>ký</mark> xét tuyển viên chức</a>",
        )
