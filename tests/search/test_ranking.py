"""The order of results: the reader's own diacritics, then where the words are, then date.

Each group of articles is built so that the order under test differs from the order
any lower rule alone would give (publication date, then page id).
"""

import unicodedata

from django.test import TestCase

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.search import engine
from toasoan.search.query import parse

LEAD = "Tin từ cơ sở."
BODY = [{"type": "text", "value": "<p>Nội dung bài viết.</p>"}]


def ranked(query, **filters):
    return [document.title for document in engine.search(parse(query), **filters)]


class ExactDiacriticsFirstTests(TestCase):
    """Seven titles with a word that folds to `dang`, one a day, oldest first."""

    TITLES = [
        "Thủ tục dễ dàng hơn",  # dàng, oldest
        "Lễ dâng hoa tưởng niệm",  # dâng
        "Thông báo đăng ký nghĩa vụ",  # đăng
        "Đại hội Đảng bộ xã",  # Đảng
        "Công trình dang dở",  # dang
        "Đa dạng sinh kế",  # dạng
        "Dâng hương đầu xuân",  # dâng, newest
    ]

    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Thời sự")
        for day, title in enumerate(cls.TITLES, start=1):
            make_article(section, title, vn_time(2026, 1, day), lead=LEAD, authors=())
        cls.newest_first = list(reversed(cls.TITLES))

    def expected(self, *first):
        return list(first) + [title for title in self.newest_first if title not in first]

    def test_without_diacritics_newest_first(self):
        self.assertEqual(ranked("dang"), self.newest_first)
        self.assertEqual(ranked("DANG"), self.newest_first)

    def test_each_spelling_ranks_its_own_word_first(self):
        cases = {
            "dâng": ("Dâng hương đầu xuân", "Lễ dâng hoa tưởng niệm"),
            "đăng": ("Thông báo đăng ký nghĩa vụ",),
            "Đảng": ("Đại hội Đảng bộ xã",),
            "dàng": ("Thủ tục dễ dàng hơn",),
            "dạng": ("Đa dạng sinh kế",),
        }
        for query, first in cases.items():
            for variant in {query, query.upper(), query.lower(),
                            unicodedata.normalize("NFD", query)}:
                with self.subTest(query=variant):
                    self.assertEqual(ranked(variant), self.expected(*first))

    def test_dang_without_marks_gets_no_advantage_of_its_own(self):
        # Only words typed with marks count: `dang` typed plainly ranks by date.
        self.assertEqual(ranked("dang")[0], "Dâng hương đầu xuân")

    def test_more_marked_words_matching_rank_higher(self):
        self.assertEqual(ranked("dâng hoa")[0], "Lễ dâng hoa tưởng niệm")
        self.assertEqual(ranked("đăng ký")[0], "Thông báo đăng ký nghĩa vụ")


class DiacriticsAbovePlaceTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Thời sự")
        cls.in_body = make_article(
            section, "Nghi lễ ở đền Hạ", vn_time(2026, 2, 1), lead=LEAD, authors=(),
            body=[{"type": "text", "value": "<p>Dân làng dâng lễ vật lên đền.</p>"}],
        )
        cls.in_title = make_article(
            section, "Đăng tải kết quả thi tuyển", vn_time(2026, 2, 5), lead=LEAD, authors=(),
        )

    def test_exact_diacritics_in_the_body_beat_folded_only_in_the_title(self):
        self.assertEqual(ranked("dâng"), [self.in_body.title, self.in_title.title])
        self.assertEqual(ranked("đăng"), [self.in_title.title, self.in_body.title])
        # Without marks the place decides.
        self.assertEqual(ranked("dang"), [self.in_title.title, self.in_body.title])


class MarksInTheirPlaceTests(TestCase):
    """The reader's own spelling counts where the words are found: a title with
    `dâng` above a newer title with `Đăng` whose body happens to have `dâng`."""

    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Thời sự")
        cls.title_word = make_article(section, "Lễ dâng hương Giỗ Tổ", vn_time(2026, 4, 1),
                                      lead=LEAD, authors=())
        cls.body_word = make_article(
            section, "Đăng ký lễ hội năm nay", vn_time(2026, 4, 5), lead=LEAD, authors=(),
            body=[{"type": "text", "value": "<p>Các đoàn dâng hương theo lịch.</p>"}],
        )
        cls.lead_word = make_article(section, "Đăng cai hội thi", vn_time(2026, 4, 9),
                                     lead="Các xã dâng lễ vật truyền thống.", authors=())

    def test_the_marked_word_in_the_title_first(self):
        self.assertEqual(ranked("dâng"), [self.title_word.title, self.lead_word.title,
                                          self.body_word.title])

    def test_without_marks_the_place_and_date_decide(self):
        self.assertEqual(ranked("dang"), [self.lead_word.title, self.body_word.title,
                                          self.title_word.title])

    def test_the_other_spelling_ranks_its_own_titles(self):
        self.assertEqual(ranked("đăng"), [self.lead_word.title, self.body_word.title,
                                          self.title_word.title])


class TonePlacementRankingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Thời sự")
        cls.old_style = make_article(section, "Xã Hòa Xuân đón bằng công nhận",
                                     vn_time(2026, 2, 1), lead=LEAD, authors=())
        cls.culture = make_article(section, "Giữ gìn văn hóa làng", vn_time(2026, 2, 2),
                                   lead=LEAD, authors=())
        cls.flower = make_article(section, "Mùa hoa đào", vn_time(2026, 2, 3),
                                  lead=LEAD, authors=())
        cls.new_style = make_article(section, "Kỹ năng hoà giải ở cơ sở", vn_time(2026, 1, 20),
                                     lead=LEAD, authors=())

    def test_either_tone_placement_counts_as_the_readers_own_spelling(self):
        expected = [self.old_style.title, self.new_style.title, self.flower.title,
                    self.culture.title]
        for query in ["hòa", "hoà", "HÒA", unicodedata.normalize("NFD", "hoà")]:
            with self.subTest(query=query):
                self.assertEqual(ranked(query), expected)

    def test_hoa_with_its_own_tone(self):
        self.assertEqual(ranked("hóa")[0], self.culture.title)
        self.assertEqual(ranked("hoa")[0], self.flower.title)  # newest; no marks typed


class PlaceTests(TestCase):
    """The same word in the title, the lead or the body of three articles of one date,
    created title first (so the page id alone would put it last)."""

    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Kinh tế")
        when = vn_time(2026, 3, 10, 9)
        cls.title = make_article(section, "Sầu riêng được mùa", when, lead=LEAD, authors=())
        cls.lead = make_article(section, "Nông sản tháng Ba", when, authors=(),
                                lead="Giá sầu riêng tăng mạnh.")
        cls.body = make_article(
            section, "Thị trường nông sản", when, lead=LEAD, authors=(),
            body=[{"type": "text", "value": "<p>Vụ sầu riêng năm nay bội thu.</p>"}],
        )
        cls.caption = make_article(section, "Ảnh trong tuần", when, lead=LEAD, authors=(),
                                   caption="Thu hoạch sầu riêng ở xã Tân Lập")
        cls.older_title = make_article(section, "Sầu riêng xuất khẩu", vn_time(2026, 1, 1),
                                       lead=LEAD, authors=())

    def test_title_above_lead_above_body(self):
        for query in ["sầu riêng", "sau rieng", '"sầu riêng"', "SẦU RIÊNG"]:
            with self.subTest(query=query):
                self.assertEqual(
                    ranked(query)[:3], [self.title.title, self.older_title.title,
                                        self.lead.title],
                )
                # The body and the caption both count as "elsewhere": newer page first.
                self.assertEqual(ranked(query)[3:], [self.caption.title, self.body.title])

    def test_scores_add_up_over_the_words(self):
        # Each word scores where it is found: nông, sản in the title (4 + 4) and sầu,
        # riêng in the lead (2 + 2) beat the same title words with sầu riêng in the body.
        self.assertEqual(ranked("nông sản sầu riêng"), [self.lead.title, self.body.title])
        self.assertEqual(ranked("sầu riêng tháng ba")[0], self.lead.title)


class NewerFirstTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Kinh tế")
        cls.middle = make_article(section, "Thanh long vào vụ", vn_time(2026, 2, 2),
                                  lead=LEAD, authors=())
        cls.newest = make_article(section, "Thanh long xuất khẩu", vn_time(2026, 2, 3),
                                  lead=LEAD, authors=())
        cls.oldest = make_article(section, "Thanh long ruột đỏ", vn_time(2026, 2, 1),
                                  lead=LEAD, authors=())
        cls.same_time_first = make_article(section, "Thanh long sấy dẻo", vn_time(2026, 1, 5),
                                           lead=LEAD, authors=())
        cls.same_time_second = make_article(section, "Thanh long giống mới",
                                            vn_time(2026, 1, 5), lead=LEAD, authors=())

    def test_newer_first_then_the_later_page(self):
        self.assertEqual(
            ranked("thanh long"),
            [self.newest.title, self.middle.title, self.oldest.title,
             self.same_time_second.title, self.same_time_first.title],
        )


class PhraseTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        section = make_section(make_home(), "Thời sự")
        cls.phrase_in_body = make_article(
            section, "Ra quân đầu năm", vn_time(2026, 3, 5), lead=LEAD, authors=(),
            body=[{"type": "text", "value": "<p>Bảo đảm an toàn giao thông dịp lễ.</p>"}],
        )
        cls.phrase_in_title = make_article(
            section, "Tháng cao điểm an toàn giao thông", vn_time(2026, 3, 1),
            lead=LEAD, authors=(),
        )
        cls.words_apart = make_article(
            section, "Giao thông nông thôn an toàn hơn", vn_time(2026, 3, 10),
            lead=LEAD, authors=(),
        )

    def test_phrase_matches_only_the_words_together_title_first(self):
        self.assertEqual(ranked('"an toàn giao thông"'),
                         [self.phrase_in_title.title, self.phrase_in_body.title])

    def test_the_same_words_unquoted_also_find_them_apart(self):
        self.assertEqual(
            ranked("an toàn giao thông"),
            [self.words_apart.title, self.phrase_in_title.title, self.phrase_in_body.title],
        )

    def test_phrase_and_word_together(self):
        self.assertEqual(ranked('"an toàn giao thông" lễ'), [self.phrase_in_body.title])
