"""Vietnamese phone numbers: what readers type -> E.164, with messages that help."""

import re

import phonenumbers
from django.core.exceptions import ValidationError

_SEPARATORS_RE = re.compile(r"[\s.\-()]")
# Mobile numbers had 11 digits (01xx...) until 2018, when they moved to 03/05/07/08.
_OLD_MOBILE_RE = re.compile(r"^(?:\+?84|0)1[2-9]\d{8}$")
_MOBILE_PREFIXES = ("3", "5", "7", "8", "9")


def to_e164(raw):
    """`0912 345 678`, `+84 912.345.678` -> `+84912345678`; raises ValidationError."""
    digits = _SEPARATORS_RE.sub("", raw or "")
    if not digits:
        return ""
    if _OLD_MOBILE_RE.match(digits):
        raise ValidationError(
            "Đây là số di động 11 số cũ; từ năm 2018 các số này đã chuyển sang 10 số "
            "(ví dụ 0168… thành 038…). Vui lòng nhập số mới.",
            code="old_mobile",
        )
    if not re.fullmatch(r"\+?\d+", digits):
        raise ValidationError("Số điện thoại chỉ gồm chữ số, có thể bắt đầu bằng +84.",
                              code="invalid")
    try:
        number = phonenumbers.parse(digits, "VN")
    except phonenumbers.NumberParseException as exc:
        raise ValidationError("Số điện thoại không hợp lệ.", code="invalid") from exc
    national = str(number.national_number)
    is_vietnamese = number.country_code == 84
    is_mobile_or_landline = national.startswith((*_MOBILE_PREFIXES, "2"))
    if not (is_vietnamese and is_mobile_or_landline and phonenumbers.is_valid_number(number)):
        raise ValidationError(
            "Số điện thoại không hợp lệ. Nhập số di động (03, 05, 07, 08, 09) hoặc số cố "
            "định (02x) của Việt Nam, ví dụ 0912 345 678.",
            code="invalid",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
