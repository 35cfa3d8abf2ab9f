from django.core.management.base import BaseCommand

from toasoan.demo.loader import ensure_admin, load


class Command(BaseCommand):
    help = "Load the demo content and the demo admin account (idempotent)."

    def handle(self, *args, **options):
        load(log=self.stdout.write)
        ensure_admin(log=self.stdout.write)
