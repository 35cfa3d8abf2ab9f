from django.apps import AppConfig


class NewsroomConfig(AppConfig):
    name = "toasoan.newsroom"
    label = "newsroom"
    verbose_name = "Tòa soạn"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import denials

        denials.install()
