import unicodedata

import pytest

from toasoan.text import fold, fold_aligned, fold_words


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Xây dựng Đảng", "xay dung dang"),
        ("đăng ký", "dang ky"),
        ("Huyện ủy", "huyen uy"),
        ("Người Việt", "nguoi viet"),
        ("ẮẰẲẴẶ ấầẩẫậ ỨỪỬỮỰ", "aaaaa aaaaa uuuuu"),
        ("Ðảng", "dang"),  # the look-alike ETH
    ],
)
def test_fold_removes_every_mark_and_strokes(text, key):
    assert fold(text) == key


def test_tone_placement_gives_the_same_key():
    assert fold("hoà") == fold("hòa") == "hoa"
    assert fold("thuỷ") == fold("thủy") == "thuy"
    assert fold("khoẻ") == fold("khỏe") == "khoe"


def test_nfd_and_nfc_give_the_same_key():
    text = "Quốc phòng – An ninh, Đảng ủy"
    assert fold(unicodedata.normalize("NFD", text)) == fold(text)


def test_fold_words_drops_punctuation():
    assert fold_words("Đảng (2025): “hoà-bình”!") == ["dang", "2025", "hoa", "binh"]


def test_fold_aligned_keeps_positions():
    text = "Lễ dâng hương Đảng bộ"
    folded = fold_aligned(text)
    assert folded == "le dang huong dang bo"
    assert len(folded) == len(text)
    start = folded.index("huong")
    assert text[start : start + 5] == "hương"
