"""What a person reads on the page, as plain functions (no Django): a phone number in
any of the forms people write it, and the answer to the captcha's question."""

import re

# Any separators people put between a phone number's digits (and the mask's stars).
SEPARATORS = r"[\s.\-()/*\u00a0]*"
NUMBER_WORDS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín", "mười"]
QUESTION = re.compile(r"(\w+) (cộng|trừ) (\w+) bằng mấy\?")


def phone_pattern(e164):
    """`+84912345678` -> a pattern matching `0912 345 678`, `+84 912.345.678`,
    `(091) 234-5678`, `912345678`..., whatever comes before the national number."""
    national = e164.removeprefix("+84")
    return re.compile(national[0] + SEPARATORS + SEPARATORS.join(national[1:]))


def solve_question(question):
    """`Bảy cộng hai bằng mấy?` -> `9`, worked out from the words as a reader would."""
    match = QUESTION.fullmatch(question.strip())
    if match is None:
        raise ValueError(f"not a captcha question: {question!r}")
    a, b = NUMBER_WORDS.index(match[1].lower()), NUMBER_WORDS.index(match[3].lower())
    return str(a + b if match[2] == "cộng" else a - b)
