"""The full-text index over the folded and Telex words, in each database's own way
(the statements and their reasons are in `toasoan.search.schema`)."""

from django.db import migrations

from toasoan.search import schema

FORWARD = {
    "sqlite": [schema.SQLITE_TABLE, *schema.SQLITE_TRIGGERS],
    "postgresql": [schema.POSTGRES_COLUMN, schema.POSTGRES_INDEX],
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
