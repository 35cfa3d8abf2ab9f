from django.db import models

# A document's place in the "newer first" order, as one integer: the second it was
# published, then its page id (which breaks ties within a second).
KEY_SPAN = 10_000_000


def sort_key(published_at, page_id: int) -> int:
    return int(published_at.timestamp()) * KEY_SPAN + page_id % KEY_SPAN


def key_bounds(start=None, end=None) -> tuple[int | None, int | None]:
    """The sort keys of everything published from `start` to `end` (datetimes), inclusive."""
    low = int(start.timestamp()) * KEY_SPAN if start else None
    high = int(end.timestamp()) * KEY_SPAN + KEY_SPAN - 1 if end else None
    return low, high


class SearchDocument(models.Model):
    """One live article as the public search sees it.

    The display text is kept as written (NFC); the `*_words` columns hold the same
    text folded (`xay dung dang`, words between single spaces, a space at each end)
    and `telex` the words with every mark kept (`xaay duwngj ddangr`), with the
    title's and the lead's own keys also apart (`title_telex`, `lead_telex`). The full-text
    index over them is the database's own: an FTS5 table on SQLite, a generated
    tsvector with a GIN index on PostgreSQL (migration 0002). Both hand out
    documents in `sort_key` order, newest first, so a page of results is read
    without sorting every match.
    """

    page = models.OneToOneField(
        "wagtailcore.Page", primary_key=True, on_delete=models.CASCADE, related_name="+"
    )
    sort_key = models.BigIntegerField(unique=True)
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
    title_telex = models.TextField(blank=True, default="")
    lead_telex = models.TextField(blank=True, default="")

    class Meta:
        verbose_name = "Mục tìm kiếm"
        verbose_name_plural = "Mục tìm kiếm"

    def __str__(self):
        return self.title
