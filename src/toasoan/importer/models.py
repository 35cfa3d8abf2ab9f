from django.db import models


class ImportedItem(models.Model):
    """What one item of a source became: the ledger that makes importing again
    update in place (and an interrupted import carry on) instead of duplicating."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Bài viết"
        COMMENT = "comment", "Bình luận"
        IMAGE = "image", "Ảnh"

    kind = models.CharField("Loại", max_length=10, choices=Kind.choices)
    key = models.CharField("Mã trong nguồn", max_length=1000)
    object_id = models.PositiveIntegerField()
    checksum = models.CharField(max_length=64)
    damage = models.JSONField(
        "Đoạn mất chữ", default=list, blank=True,
        help_text="Những đoạn đã mất chữ trong nguồn (dấu ? hoặc �), cần biên tập viên sửa.",
    )
    imported_at = models.DateTimeField("Nhập lúc", auto_now=True)

    class Meta:
        verbose_name = "Mục đã nhập"
        verbose_name_plural = "Mục đã nhập"
        constraints = [
            models.UniqueConstraint(fields=["kind", "key"], name="importer_item_kind_key"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.key}"
