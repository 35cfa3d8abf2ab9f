"""Vietnamese phone numbers as readers type them become E.164; wrong ones get a message
that says what is wrong."""

from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from toasoan.comments.phones import to_e164

VALID = [
    # mobile, every prefix family, as readers write them
    ("0912345678", "+84912345678"),
    ("0912 345 678", "+84912345678"),
    ("0912.345.678", "+84912345678"),
    ("0912-345-678", "+84912345678"),
    ("(091) 234-5678", "+84912345678"),
    (" 0912 345 678 ", "+84912345678"),
    ("0912\u00a0345\u00a0678", "+84912345678"),
    ("+84 912 345 678", "+84912345678"),
    ("+84912345678", "+84912345678"),
    ("84912345678", "+84912345678"),
    ("+84 (0) 912 345 678", "+84912345678"),
    ("0084 912 345 678", "+84912345678"),
    ("0362 345 678", "+84362345678"),
    ("0386.123.456", "+84386123456"),
    ("0562 345 678", "+84562345678"),
    ("0582-345-678", "+84582345678"),
    ("0592345678", "+84592345678"),
    ("0702 345 678", "+84702345678"),
    ("0762.345.678", "+84762345678"),
    ("0792345678", "+84792345678"),
    ("0832 345 678", "+84832345678"),
    ("0862-345-678", "+84862345678"),
    ("0882345678", "+84882345678"),
    ("0987 654 321", "+84987654321"),
    ("+84 98 765 4321", "+84987654321"),
    ("０９１２３４５６７８", "+84912345678"),  # typed with a full-width keyboard
    # landlines: 02x area codes
    ("024 3825 1234", "+842438251234"),
    ("(024) 3825 1234", "+842438251234"),
    ("024.3825.1234", "+842438251234"),
    ("+84 24 3825 1234", "+842438251234"),
    ("84 24 3825 1234", "+842438251234"),
    ("028 3829 5678", "+842838295678"),
    ("0236 3821 234", "+842363821234"),
    ("0225-3842-123", "+842253842123"),
    ("(0222) 3854 321", "+842223854321"),
]

INVALID_MESSAGE = "Số điện thoại không hợp lệ. Nhập số di động (03, 05, 07, 08, 09)"
DIGITS_MESSAGE = "Số điện thoại chỉ gồm chữ số"
OLD_MOBILE_MESSAGE = "Đây là số di động 11 số cũ; từ năm 2018"

INVALID = [
    ("0123", INVALID_MESSAGE),
    ("091234567", INVALID_MESSAGE),  # one digit short
    ("09123456789", INVALID_MESSAGE),  # one digit too many
    ("0612345678", INVALID_MESSAGE),  # 06 is no mobile prefix
    ("0412345678", INVALID_MESSAGE),
    ("0212345678", INVALID_MESSAGE),  # 021 is no area code
    ("1900 1234", INVALID_MESSAGE),  # hotline numbers are not a reader's phone
    ("+1 202 555 0123", INVALID_MESSAGE),  # not Vietnamese
    ("+33 1 23 45 67 89", INVALID_MESSAGE),
    ("+8491234567", INVALID_MESSAGE),
    ("abc", DIGITS_MESSAGE),
    ("0912 345 67a", DIGITS_MESSAGE),
    ("0912/345/678", DIGITS_MESSAGE),
    ("0912 345 678 máy lẻ 2", DIGITS_MESSAGE),
    ("++84912345678", DIGITS_MESSAGE),
    ("0912345678<script>", DIGITS_MESSAGE),
    ("' OR 1=1 --", DIGITS_MESSAGE),
]

# 11-digit mobile numbers, retired in 2018 (0168... became 038..., 0120... became 070...).
OLD_MOBILE = ["01688 123 456", "0168.812.3456", "0120 123 4567", "+84 168 812 3456",
              "841688123456", "(0199) 123 4567"]


class ToE164Tests(SimpleTestCase):
    def test_vietnamese_numbers_as_typed_become_e164(self):
        for typed, expected in VALID:
            with self.subTest(typed=typed):
                self.assertEqual(to_e164(typed), expected)

    def test_no_number_is_no_number(self):
        for typed in ("", "   ", " - . ", None):
            with self.subTest(typed=typed):
                self.assertEqual(to_e164(typed), "")

    def test_wrong_numbers_get_a_vietnamese_message(self):
        for typed, message in INVALID:
            with self.subTest(typed=typed):
                with self.assertRaises(ValidationError) as caught:
                    to_e164(typed)
                self.assertIn(message, caught.exception.messages[0])
                self.assertEqual(caught.exception.code, "invalid")

    def test_old_eleven_digit_mobile_numbers_are_explained(self):
        for typed in OLD_MOBILE:
            with self.subTest(typed=typed):
                with self.assertRaises(ValidationError) as caught:
                    to_e164(typed)
                self.assertEqual(caught.exception.code, "old_mobile")
                message = caught.exception.messages[0]
                self.assertIn(OLD_MOBILE_MESSAGE, message)
                self.assertIn("10 số", message)
