"""The `shared` cache's table (rate limits, the page cache's clock and tags) when it
lives in the database: `migrate` alone leaves a working site (`toasoan setup` runs
`createcachetable` as well, for a site that switched away from Redis later)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("news", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
