"""The full-text index over the folded and Telex words, in each database's own way.

SQLite: an FTS5 table whose content is the documents table, kept in step by
triggers (a phrase never spans two columns). PostgreSQL: a generated tsvector
column (title A, lead B, body and extras C, Telex D, all with the `simple`
configuration: the text is folded before it gets here) and a GIN index on it.
"""

from django.db import migrations

COLUMNS = "title_words, lead_words, body_words, extra_words, telex"
NEW = ", ".join(f"new.{c.strip()}" for c in COLUMNS.split(","))
OLD = ", ".join(f"old.{c.strip()}" for c in COLUMNS.split(","))

SQLITE_FORWARD = [
    f"""CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS},
        content='search_searchdocument', content_rowid='sort_key',
        tokenize='unicode61 remove_diacritics 0')""",
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.sort_key, {NEW});
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.sort_key, {OLD});
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS}) VALUES ('delete', old.sort_key, {OLD});
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.sort_key, {NEW});
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
    "DROP TABLE search_fts",
]

# `||` numbers the right vector's words straight after the left one's, so a phrase
# could match across two fields ("…xã Yên Trạch" + "Nông dân…"). Each field ends
# with a placeholder word, deleted afterwards, which leaves a gap in the numbering.
GAP = "toasoanfieldgap"
POSTGRES_FORWARD = [
    f"""ALTER TABLE search_searchdocument ADD COLUMN vector tsvector GENERATED ALWAYS AS (
        ts_delete(
            setweight(to_tsvector('simple', title_words || ' {GAP}'), 'A')
            || setweight(to_tsvector('simple', lead_words || ' {GAP}'), 'B')
            || setweight(to_tsvector('simple', body_words || ' {GAP} ' || extra_words || ' {GAP}'), 'C')
            || setweight(to_tsvector('simple', telex), 'D'),
            '{GAP}'::text
        )
    ) STORED""",
    "CREATE INDEX search_vector ON search_searchdocument USING gin (vector)",
]
POSTGRES_BACKWARD = [
    "DROP INDEX search_vector",
    "ALTER TABLE search_searchdocument DROP COLUMN vector",
]


def run(statements):
    def apply(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
