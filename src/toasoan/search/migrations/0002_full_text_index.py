"""The full-text index over the folded and Telex words, in each database's own way
(SQLite's statements and their reasons are in `toasoan.search.schema`; PostgreSQL's
single weighted vector here was replaced by per-tier vectors in 0003)."""

from django.db import migrations

from toasoan.search import schema

POSTGRES_COLUMN = """ALTER TABLE search_searchdocument ADD COLUMN vector tsvector
    GENERATED ALWAYS AS (
        ts_delete(
            setweight(to_tsvector('simple', title_words || ' toasoanfieldgap'), 'A')
            || setweight(to_tsvector('simple', lead_words || ' toasoanfieldgap'), 'B')
            || setweight(
                to_tsvector('simple', body_words || ' toasoanfieldgap ' || extra_words
                            || ' toasoanfieldgap'), 'C'
            )
            || setweight(to_tsvector('simple', telex), 'D'),
            'toasoanfieldgap'::text
        )
    ) STORED"""

# The columns the FTS5 table had until 0004 added the title's and lead's Telex keys.
SQLITE_COLUMNS = ("title_words", "lead_words", "body_words", "extra_words", "telex")

FORWARD = {
    "sqlite": [schema.sqlite_table(SQLITE_COLUMNS), *schema.sqlite_triggers(SQLITE_COLUMNS)],
    "postgresql": [
        POSTGRES_COLUMN,
        "CREATE INDEX search_vector ON search_searchdocument USING gin (vector)",
    ],
}
BACKWARD = {
    "sqlite": [*schema.SQLITE_DROP_TRIGGERS, "DROP TABLE search_fts"],
    "postgresql": [
        "DROP INDEX search_vector",
        "ALTER TABLE search_searchdocument DROP COLUMN vector",
    ],
}


def run(statements):
    def apply(apps, schema_editor):
        for statement in statements.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(run(FORWARD), run(BACKWARD))]
