"""Articles, comments and users for the moderators' tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.utils import timezone

from tests.factories import make_article, make_home, make_section, vn_time
from toasoan.comments.models import Comment

PHONE = "+84912345678"
MASKED = "0912***678"
LINKS_FLAGS = [
    {"rule": "honeypot", "outcome": "pass", "detail": ""},
    {"rule": "links", "outcome": "suspect", "detail": "3 liên kết"},
]
WORDS_FLAGS = [
    {"rule": "links", "outcome": "pass", "detail": ""},
    {"rule": "suspect_words", "outcome": "suspect", "detail": "lừa đảo"},
]


def make_comment(page, title, at, *, status=Comment.Status.PENDING, flags=(), phone=PHONE,
                 name="Nguyễn Văn An", content="Tôi đồng ý với bài viết."):
    comment = Comment.objects.create(
        page=page, name=name, title=title, content=content.strip(), consent_at=timezone.now(),
        consent_version="2026-01", phone=phone, flags=list(flags), status=status,
    )
    Comment.objects.filter(pk=comment.pk).update(created_at=at)
    comment.refresh_from_db()
    return comment


def make_user(username, *codenames, superuser=False):
    User = get_user_model()
    if superuser:
        return User.objects.create_superuser(username, f"{username}@example.invalid", "x")
    user = User.objects.create_user(username, f"{username}@example.invalid", "x")
    permissions = [Permission.objects.get(content_type__app_label="wagtailadmin",
                                          codename="access_admin")]
    permissions += Permission.objects.filter(content_type__app_label="comments",
                                             codename__in=codenames)
    user.user_permissions.add(*permissions)
    return user


class ModerationData:
    """Mixed into TestCase: builds the data once per class."""

    @classmethod
    def setUpTestData(cls):
        home = make_home()
        section = make_section(home, "Xây dựng Đảng")
        cls.article = make_article(section, "Huyện ủy tổng kết năm 2025", vn_time(2026, 1, 8))
        cls.other_article = make_article(section, "Đường liên xã hoàn thành", vn_time(2026, 1, 9))
        cls.old_pending = make_comment(
            cls.article, "Ý kiến về công tác cán bộ", vn_time(2026, 1, 8, 16, 4),
            content="Đề nghị huyện tiếp tục làm tốt công tác xây dựng Đảng ở cơ sở. " * 4,
            flags=LINKS_FLAGS,
        )
        cls.approved = make_comment(
            cls.article, "Cảm ơn ban biên tập", vn_time(2026, 1, 10, 9),
            status=Comment.Status.APPROVED, name="Trần Thị Bình", phone="",
        )
        cls.new_pending = make_comment(
            cls.other_article, "Đường đẹp quá", vn_time(2026, 1, 9, 7, 30),
            flags=WORDS_FLAGS, name="Lê Văn Cường",
        )
        cls.spam = make_comment(
            cls.other_article, "Khuyến mãi lớn", vn_time(2026, 1, 9, 20),
            status=Comment.Status.SPAM, name="Máy tự động",
        )
        cls.superuser = make_user("quantri", superuser=True)
        cls.moderator = make_user("kiemduyet", "view_comment", "change_comment",
                                  "delete_comment")
        cls.viewer = make_user("xemthoi", "view_comment")
        cls.editor = make_user("bientap")
        cls.moderator.first_name = "Kiểm"
        cls.moderator.save()
