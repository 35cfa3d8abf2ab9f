from django.db import models


class DemoArticle(models.Model):
    """Which demo article (by its stable key) became which page, so loading is idempotent
    even when a title depends on the day the demo is loaded."""

    key = models.CharField(max_length=100, unique=True)
    page = models.OneToOneField("news.ArticlePage", on_delete=models.CASCADE, related_name="+")

    def __str__(self):
        return self.key
