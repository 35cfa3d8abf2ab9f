"""SQLite: the title and lead in an FTS table of their own, so that the tiers that
look only there read short word lists (`schema.HEAD_TABLE`). PostgreSQL has a vector
per place already (0003, 0004)."""

from django.db import migrations

from toasoan.search import schema

CREATE = [schema.sqlite_table(schema.HEAD_COLUMNS, schema.HEAD_TABLE),
          *schema.sqlite_triggers(schema.HEAD_COLUMNS, schema.HEAD_TABLE),
          schema.sqlite_rebuild(schema.HEAD_TABLE)]
DROP = [*schema.sqlite_drop_triggers(schema.HEAD_TABLE), f"DROP TABLE {schema.HEAD_TABLE}"]


def on_sqlite(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "sqlite":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    dependencies = [("search", "0004_telex_per_tier")]

    operations = [migrations.RunPython(on_sqlite(CREATE), on_sqlite(DROP))]
