"""The Telex keys of the title and of the lead, apart, so that the ranking checks the
reader's marks in the place it ranks (a title with `dâng` above a title with `đăng`
whose body has `dâng`) and reads only that place's keys. Existing documents get
their keys here; nothing else needs a rebuild."""

from importlib import import_module

from django.db import migrations, models

from toasoan.search import schema
from toasoan.text import telex_word, words

previous = import_module("toasoan.search.migrations.0002_full_text_index")

VECTORS = ("title_telex_vector", "head_telex_vector")
BATCH = 500


def _keys(text):
    return " ".join(map(telex_word, words(text)))


def fill(apps, schema_editor):
    documents = apps.get_model("search", "SearchDocument").objects.using(
        schema_editor.connection.alias
    )
    batch = []
    for document in documents.only("pk", "title", "lead").iterator(chunk_size=BATCH):
        document.title_telex, document.lead_telex = _keys(document.title), _keys(document.lead)
        batch.append(document)
        if len(batch) >= BATCH:
            documents.bulk_update(batch, ["title_telex", "lead_telex"])
            batch = []
    documents.bulk_update(batch, ["title_telex", "lead_telex"])


def statements(by_vendor):
    def apply(apps, schema_editor):
        for statement in by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


DROP_FTS = [*schema.SQLITE_DROP_TRIGGERS, "DROP TABLE search_fts"]
OLD_FTS = {"sqlite": [schema.sqlite_table(previous.SQLITE_COLUMNS),
                      *schema.sqlite_triggers(previous.SQLITE_COLUMNS), schema.SQLITE_REBUILD]}
NEW_INDEX = {
    "sqlite": [schema.sqlite_table(), *schema.sqlite_triggers(), schema.SQLITE_REBUILD],
    "postgresql": schema.postgres_create(VECTORS),
}
NO_INDEX = {"sqlite": DROP_FTS, "postgresql": schema.postgres_drop(VECTORS)}


class Migration(migrations.Migration):
    dependencies = [("search", "0003_tier_vectors")]

    # SQLite may remake the table to change its columns, which drops its triggers:
    # the FTS table goes first and comes back last.
    operations = [
        migrations.RunPython(statements({"sqlite": DROP_FTS}), statements(OLD_FTS)),
        migrations.AddField(
            model_name="searchdocument", name="title_telex",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.AddField(
            model_name="searchdocument", name="lead_telex",
            field=models.TextField(blank=True, default=""),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(statements(NEW_INDEX), statements(NO_INDEX)),
    ]
