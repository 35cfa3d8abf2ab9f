from django.db import models


class SearchDocument(models.Model):
    """One live article as the public search sees it.

    The display text is kept as written (NFC); the `*_words` columns hold the same
    text folded (`xay dung dang`, words between single spaces, a space at each end)
    and `telex` the words with every mark kept (`xaay duwngj ddangr`). The full-text
    index over them is the database's own: an FTS5 table on SQLite, a generated
    tsvector with a GIN index on PostgreSQL (migration 0002).
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    section = models.ForeignKey(
        "wagtailcore.Page", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    published_at = models.DateTimeField()
    title = models.TextField()
    lead = models.TextField(blank=True)
    body = models.TextField(blank=True)
    extra = models.TextField(blank=True, help_text="Captions, tags, authors, source.")
    title_words = models.TextField()
    lead_words = models.TextField(blank=True)
    body_words = models.TextField(blank=True)
    extra_words = models.TextField(blank=True)
    telex = models.TextField(blank=True)

    class Meta:
        verbose_name = "Mục tìm kiếm"
        verbose_name_plural = "Mục tìm kiếm"
        indexes = [models.Index(fields=["published_at"], name="search_doc_published")]

    def __str__(self):
        return self.title
