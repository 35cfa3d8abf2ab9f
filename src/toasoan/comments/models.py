"""Reader comments, the word lists moderators keep, and the comment rules' settings."""

from django.conf import settings
from django.db import models
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

from toasoan.text import fold

# The privacy notice the reader agrees to; bump it when the notice's text changes,
# so each comment keeps which version was agreed to.
CONSENT_VERSION = "2026-01"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Chờ duyệt"
        APPROVED = "approved", "Đã duyệt"
        REJECTED = "rejected", "Từ chối"
        SPAM = "spam", "Thư rác"

    page = models.ForeignKey(
        "news.ArticlePage", verbose_name="Bài viết", on_delete=models.CASCADE,
        related_name="comments",
    )
    name = models.CharField("Họ tên", max_length=100)
    phone = models.CharField("Số điện thoại", max_length=16, blank=True,
                             help_text="Dạng quốc tế (E.164); không bao giờ hiển thị công khai.")
    title = models.CharField("Tiêu đề", max_length=200)
    content = models.TextField("Nội dung")
    status = models.CharField(
        "Trạng thái", max_length=10, choices=Status.choices, default=Status.PENDING,
        db_index=True,
    )
    flags = models.JSONField(
        "Kết quả kiểm tra", default=list, blank=True,
        help_text="Quyết định của từng bước kiểm tra tự động, theo thứ tự.",
    )
    reply = models.TextField("Ban biên tập trả lời", blank=True)
    replied_at = models.DateTimeField("Thời điểm trả lời", null=True, blank=True)
    consent_at = models.DateTimeField("Thời điểm đồng ý")
    consent_version = models.CharField("Phiên bản thông báo", max_length=20)
    ip_address = models.GenericIPAddressField(
        "Địa chỉ IP (rút gọn)", null=True, blank=True,
        help_text="Chỉ giữ phần mạng (/24 với IPv4, /48 với IPv6).",
    )
    user_agent = models.CharField("Trình duyệt", max_length=300, blank=True)
    search_text = models.TextField(editable=False, default="")
    # ` links suspect_words `: the rules that did not pass, for the moderators' filter
    # (a JSON list cannot be filtered alike on SQLite and PostgreSQL).
    flagged_rules = models.TextField(editable=False, default="", blank=True)
    created_at = models.DateTimeField("Gửi lúc", auto_now_add=True, db_index=True)
    moderated_at = models.DateTimeField("Duyệt lúc", null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="Người duyệt", null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )
    notified_at = models.DateTimeField(
        "Đã báo cho người duyệt lúc", null=True, blank=True, editable=False,
    )

    class Meta:
        verbose_name = "Bình luận"
        verbose_name_plural = "Bình luận"
        ordering = ["-created_at"]
        permissions = [("view_phone", "Xem số điện thoại đầy đủ của người bình luận")]
        indexes = [models.Index(fields=["page", "status", "created_at"])]

    def __str__(self):
        return f"{self.name}: {self.title}"

    def save(self, *args, **kwargs):
        self.search_text = fold(" ".join([self.name, self.title, self.content, self.reply]))
        names = self.flag_names
        self.flagged_rules = f" {' '.join(names)} " if names else ""
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "search_text", "flagged_rules"}
        super().save(*args, **kwargs)

    @property
    def masked_phone(self):
        """`+84912345678` -> `0912***678`."""
        if not self.phone:
            return ""
        national = "0" + self.phone[3:] if self.phone.startswith("+84") else self.phone
        return f"{national[:4]}***{national[-3:]}"

    @property
    def flag_names(self):
        return [flag["rule"] for flag in self.flags or [] if flag.get("outcome") != "pass"]


class WordRule(models.Model):
    class Kind(models.TextChoices):
        BANNED = "banned", "Cấm (từ chối bình luận)"
        SUSPECT = "suspect", "Nghi vấn (giữ lại để xem xét)"

    word = models.CharField(
        "Từ hoặc cụm từ", max_length=100, unique=True,
        help_text="So khớp theo nguyên từ, không phân biệt hoa thường; dấu phải đúng.",
    )
    kind = models.CharField("Loại", max_length=10, choices=Kind.choices, default=Kind.SUSPECT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "Từ bị lọc"
        verbose_name_plural = "Từ bị lọc"
        ordering = ["word"]

    def __str__(self):
        return self.word


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    name_min = models.PositiveSmallIntegerField("Họ tên: ít nhất (ký tự)", default=2)
    name_max = models.PositiveSmallIntegerField("Họ tên: nhiều nhất", default=100)
    title_min = models.PositiveSmallIntegerField("Tiêu đề: ít nhất", default=5)
    title_max = models.PositiveSmallIntegerField("Tiêu đề: nhiều nhất", default=200)
    content_min = models.PositiveSmallIntegerField("Nội dung: ít nhất", default=10)
    content_max = models.PositiveSmallIntegerField("Nội dung: nhiều nhất", default=5000)
    max_links = models.PositiveSmallIntegerField(
        "Số liên kết tối đa", default=2,
        help_text="Bình luận có nhiều liên kết hơn được giữ lại để xem xét.",
    )
    min_seconds = models.PositiveSmallIntegerField(
        "Thời gian tối thiểu để viết (giây)", default=3,
        help_text="Gửi nhanh hơn thế này thường là máy tự động.",
    )
    per_ip_per_hour = models.PositiveSmallIntegerField("Số bình luận mỗi giờ từ một IP",
                                                       default=10)
    per_phone_per_hour = models.PositiveSmallIntegerField(
        "Số bình luận mỗi giờ từ một số điện thoại", default=5
    )
    retention_days = models.PositiveSmallIntegerField(
        "Giữ IP và số điện thoại (ngày)", default=90,
        help_text="Quá thời hạn này, địa chỉ IP, trình duyệt và số điện thoại được xóa.",
    )
    moderator_emails = models.TextField(
        "Thư điện tử nhận thông báo", blank=True,
        help_text="Mỗi dòng một địa chỉ; để trống thì gửi cho những người có quyền duyệt.",
    )

    class Meta:
        verbose_name = "Cài đặt bình luận"


class RateCount(models.Model):
    """How many comments one IP or phone (hashed) sent in one hour window.

    Kept in the database, which every server process shares, and counted with one
    atomic upsert, so limits hold across processes and machines.
    """

    key = models.CharField(max_length=100, unique=True)
    window = models.BigIntegerField(db_index=True)
    count = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.key}: {self.count}"
