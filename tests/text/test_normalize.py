import unicodedata

from toasoan.text import clean_line, normalize


def test_nfd_becomes_nfc():
    nfd = unicodedata.normalize("NFD", "Xây dựng Đảng")
    assert nfd != "Xây dựng Đảng"
    assert normalize(nfd) == "Xây dựng Đảng"


def test_invisible_and_bidi_characters_are_removed():
    assert normalize("Hà\u200b Nội\u202e\ufeff") == "Hà Nội"
    assert normalize("a\u00adb\u2066c\u2069") == "abc"


def test_body_text_keeps_its_line_breaks():
    assert normalize("Dòng một\n\nDòng hai") == "Dòng một\n\nDòng hai"


def test_clean_line_collapses_whitespace():
    assert clean_line("  Tiêu đề\t\n  bài  viết ") == "Tiêu đề bài viết"


def test_empty_values_pass_through():
    assert normalize("") == ""
    assert clean_line("") == ""


def test_look_alike_eth_is_read_as_d_with_stroke():
    # Legacy fonts typed Đ as the Icelandic ETH, which looks the same.
    assert normalize("Ðảng bộ xã Ðông Hòa") == "Đảng bộ xã Đông Hòa"
    assert normalize("ðồng chí") == "đồng chí"
    assert normalize("Ðinh") == "Đinh"


def test_eth_in_icelandic_text_is_left_alone():
    assert normalize("Guðrún Þórsdóttir") == "Guðrún Þórsdóttir"


def test_format_characters_removed_before_composing():
    # A zero-width joiner between a letter and its mark must not leave it decomposed.
    assert normalize("Vie\u200d\u0302\u0323t") == "Việt"
