"""PostgreSQL: one tsvector and GIN index per ranking tier instead of one weighted
vector (see `toasoan.search.schema`). Nothing changes on SQLite."""

from importlib import import_module

from django.db import DatabaseError, migrations, transaction

from toasoan.search import schema

previous = import_module("toasoan.search.migrations.0002_full_text_index")


def run(statements):
    def apply(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return apply


def use_lz4(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():
            for statement in schema.POSTGRES_LZ4:
                schema_editor.execute(statement)
    except DatabaseError:
        pass  # a server without lz4


VECTORS = ("title_vector", "head_vector", "vector", "telex_vector")
FORWARD = [*previous.BACKWARD["postgresql"], *schema.postgres_create(VECTORS)]
BACKWARD = [*schema.postgres_drop(VECTORS), *previous.FORWARD["postgresql"]]


class Migration(migrations.Migration):
    dependencies = [("search", "0002_full_text_index")]

    operations = [
        migrations.RunPython(run(FORWARD), run(BACKWARD)),
        migrations.RunPython(use_lz4, migrations.RunPython.noop),
    ]
