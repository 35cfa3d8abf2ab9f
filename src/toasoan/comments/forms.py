"""The reader's comment form: cleaning, limits and messages, all in Vietnamese."""

import re

from captcha.fields import CaptchaField
from django import forms
from django.core.exceptions import ValidationError

from toasoan.text import clean_line, normalize

from .challenges import take
from .phones import to_e164

_CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BLANK_LINES_RE = re.compile(r"\n{3,}")
_TRAILING_SPACE_RE = re.compile(r"[ \t]+\n")


def clean_multiline(text):
    """NFC, no invisible or control characters, at most one blank line in a row."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Control characters go before NFC, which must see the letters they separated.
    text = normalize(_CONTROL_RE.sub("", text)).replace("\t", " ")
    text = _TRAILING_SPACE_RE.sub("\n", text)
    return _BLANK_LINES_RE.sub("\n\n", text).strip()


def clean_single_line(text):
    return clean_line(_CONTROL_RE.sub("", text))


class ReaderText(forms.CharField):
    """Text from a reader: cleaned first, then measured, with Vietnamese messages."""

    def __init__(self, *, label, minimum, maximum, multiline=False, **kwargs):
        self.minimum, self.maximum, self.multiline = minimum, maximum, multiline
        super().__init__(
            label=label, strip=False,
            error_messages={"required": f"Vui lòng nhập {label.lower()}."}, **kwargs,
        )

    def to_python(self, value):
        value = super().to_python(value)
        return clean_multiline(value) if self.multiline else clean_single_line(value)

    def validate(self, value):
        super().validate(value)
        if "\ufffd" in value:
            raise ValidationError(
                f"{self.label} có ký tự bị lỗi mã hóa (�). Vui lòng gõ lại phần chữ bị lỗi.",
                code="encoding",
            )
        if len(value) < self.minimum:
            raise ValidationError(f"{self.label} cần ít nhất {self.minimum} ký tự "
                                  f"(hiện có {len(value)}).", code="min_length")
        if len(value) > self.maximum:
            raise ValidationError(f"{self.label} được dài nhất {self.maximum} ký tự "
                                  f"(hiện có {len(value)}).", code="max_length")


class OneAttemptCaptchaField(CaptchaField):
    """django-simple-captcha's field, with its challenge used up in one statement
    (`challenges.take`) rather than read and then deleted, and with no test mode.
    Expired challenges are removed by the hourly job, not by every submission."""

    def clean(self, value):
        forms.MultiValueField.clean(self, value)  # required, incomplete
        response, value[1] = (value[1] or "").strip().lower(), ""
        if take(value[0]) != response:
            raise ValidationError(self.error_messages["invalid"])
        return value


class CommentForm(forms.Form):
    name = forms.CharField()  # replaced in __init__ with the site's limits
    phone = forms.CharField(
        label="Số điện thoại", required=False, max_length=40,
        help_text="Không bắt buộc; chỉ Ban biên tập thấy, không bao giờ hiển thị công khai.",
    )
    title = forms.CharField()
    content = forms.CharField()
    consent = forms.BooleanField(
        label="Tôi đồng ý để Ban biên tập xử lý họ tên và số điện thoại của tôi như thông báo "
              "bên trên.",
        error_messages={"required": "Bạn cần đồng ý với thông báo về dữ liệu cá nhân thì "
                                    "bình luận mới được gửi."},
    )
    captcha = OneAttemptCaptchaField(
        label="Mã xác nhận",
        error_messages={
            "invalid": "Mã xác nhận không đúng hoặc đã hết hạn. Hãy nhập mã mới.",
            "required": "Vui lòng nhập mã xác nhận.",
            "incomplete": "Vui lòng nhập mã xác nhận.",
        },
    )
    # Hidden from people by CSS; bots fill every field.
    website = forms.CharField(label="Để trống ô này", required=False, max_length=200)
    shown = forms.CharField(required=False, widget=forms.HiddenInput, max_length=100)

    def __init__(self, data=None, *args, limits, **kwargs):
        if data is not None:
            # NUL never means anything in a comment; drop it before any field sees it
            # (Django's own check would answer in English).
            data = data.copy()
            for key, values in list(data.lists()):
                data.setlist(key, [value.replace("\x00", "") for value in values])
        super().__init__(data, *args, **kwargs)
        self.limits = limits
        self.fields["name"] = ReaderText(label="Họ tên", minimum=limits.name_min,
                                         maximum=limits.name_max)
        self.fields["title"] = ReaderText(label="Tiêu đề", minimum=limits.title_min,
                                          maximum=limits.title_max)
        self.fields["content"] = ReaderText(label="Nội dung", minimum=limits.content_min,
                                            maximum=limits.content_max, multiline=True)
        self.order_fields(["name", "phone", "title", "content", "consent", "captcha"])

    def clean_phone(self):
        return to_e164(self.cleaned_data.get("phone", ""))
