from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "toasoan.news"
    label = "news"
    verbose_name = "Tin bài"

    def ready(self):
        from . import invalidation, signals  # noqa: F401
