"""Upgrading a site whose index was built before a schema change keeps every
document findable, and the ranking uses the new columns at once."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test import TransactionTestCase

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.search import engine
from toasoan.search.models import SearchDocument
from toasoan.search.query import parse

LATEST = "0005_head_table"


def migrate(target):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([("search", target)])


class TelexPerTierMigrationTests(TransactionTestCase):
    serialized_rollback = True  # the page tree's root and the roles, from migrations

    def setUp(self):
        section = make_section(make_home(), "Thời sự")
        self.title_word = make_article(section, "Lễ dâng hương Giỗ Tổ", vn_time(2026, 4, 1))
        self.body_word = make_article(
            section, "Đăng ký lễ hội năm nay", vn_time(2026, 4, 5),
            body=[{"type": "text", "value": "<p>Các đoàn dâng hương theo lịch.</p>"}],
        )

    def tearDown(self):
        migrate(LATEST)  # whatever a failed test left behind

    def ranked(self, text):
        return [document.title for document in engine.search(parse(text))]

    def test_back_and_forth_keeps_every_document_and_fills_the_new_keys(self):
        migrate("0003_tier_vectors")
        migrate(LATEST)
        self.assertEqual(
            dict(SearchDocument.objects.values_list("title", "title_telex")),
            {"Lễ dâng hương Giỗ Tổ": "leex daang huwowng gioox toor",
             "Đăng ký lễ hội năm nay": "ddawng kys leex hooij nawm nay"},
        )
        self.assertEqual(self.ranked("dâng hương"),
                         [self.title_word.title, self.body_word.title])
        self.assertEqual(self.ranked("dang"),
                         [self.body_word.title, self.title_word.title])
        self.assertEqual(self.ranked('"dang huong"'),
                         [self.title_word.title, self.body_word.title])

    def test_the_title_and_lead_table_is_filled_for_existing_documents(self):
        migrate("0004_telex_per_tier")
        migrate(LATEST)
        self.assertEqual(self.ranked("dâng hương"),
                         [self.title_word.title, self.body_word.title])
        self.assertEqual(self.ranked("đăng ký"), [self.body_word.title])

    def test_the_old_index_still_answers_after_going_back(self):
        migrate("0003_tier_vectors")
        with connection.cursor() as cursor:
            if connection.vendor == "sqlite":
                cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH %s",
                               ['{telex} : "daang"'])
            else:
                cursor.execute("SELECT count(*) FROM search_searchdocument"
                               " WHERE telex_vector @@ to_tsquery('simple', 'daang')")
            self.assertEqual(cursor.fetchone()[0], 2)
