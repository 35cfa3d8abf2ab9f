import unicodedata

import pytest

from toasoan.text import telex_base, telex_word, telex_words, typed_telex


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("xây", "xaay"),
        ("dựng", "duwngj"),
        ("Đảng", "ddangr"),
        ("đăng", "ddawng"),
        ("dâng", "daang"),
        ("dàng", "dangf"),
        ("đường", "dduwowngf"),
        ("nguyễn", "nguyeenx"),
        ("dang", "dang"),
        ("2025", "2025"),
    ],
)
def test_telex_keys_keep_every_mark(word, key):
    assert telex_word(word) == key


def test_tone_placement_and_nfd_give_the_same_keys():
    assert telex_word("hoà") == telex_word("hòa") == "hoaf"
    assert telex_word("thuỷ") == telex_word("thủy") == "thuyr"
    nfd = unicodedata.normalize("NFD", "Xây dựng Đảng")
    assert telex_words(nfd) == ["xaay", "duwngj", "ddangr"]


def test_words_that_fold_alike_keep_different_keys():
    keys = {telex_word(word) for word in ["Đảng", "đăng", "dâng", "dạng", "dang", "dàng"]}
    assert len(keys) == 6


@pytest.mark.parametrize(
    ("typed", "key"),
    [("duwngj", "duwngj"), ("dduwowfng", "dduwowngf"), ("xaay", "xaay"), ("sanr", "sanr")],
)
def test_typed_telex_moves_the_tone_letter_last(typed, key):
    assert typed_telex(typed) == key


@pytest.mark.parametrize(
    ("key", "word"),
    [("duwngj", "dung"), ("ddangr", "dang"), ("xaay", "xay"), ("dduwowngf", "duong")],
)
def test_telex_base_is_the_folded_word(key, word):
    assert telex_base(key) == word
