import re
from pathlib import Path

import pytest

from toasoan.text import slugify


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        (
            "Huyện ủy Vân Khê đẩy mạnh công tác xây dựng Đảng năm 2026",
            "huyen-uy-van-khe-day-manh-cong-tac-xay-dung-dang-nam-2026",
        ),
        ("Đường điện 35kV về đến xã Đông Hòa", "duong-dien-35kv-ve-den-xa-dong-hoa"),
        ("ĐẠI HỘI ĐẢNG BỘ LẦN THỨ XXIV", "dai-hoi-dang-bo-lan-thu-xxiv"),
        ("Khen thưởng 16 tập thể, 15 cá nhân!", "khen-thuong-16-tap-the-15-ca-nhan"),
        ("Giá trị sản xuất đạt 14.137,32 tỷ đồng", "gia-tri-san-xuat-dat-14-137-32-ty-dong"),
        ("Thủy lợi – nước sạch “về” thôn", "thuy-loi-nuoc-sach-ve-thon"),
        ("Hoà bình, thuỷ lợi (kiểu cũ)", "hoa-binh-thuy-loi-kieu-cu"),
        # NFD input, as pasted from macOS or Word, gives the same slug as NFC.
        ("Xa\u0302y du\u031b\u0323ng D\u0300a\u0306ng", "xay-dung-dang"),
        ("Bác Hồ với\u200b nhân dân", "bac-ho-voi-nhan-dan"),
        ("  Ưu tiên   ứng dụng  ", "uu-tien-ung-dung"),
        ("Ðoàn kết (ETH look-alike)", "doan-ket-eth-look-alike"),
        ("!!!", ""),
    ],
)
def test_vietnamese_titles_become_portal_slugs(title, slug):
    assert slugify(title) == slug


def test_long_titles_are_cut_at_a_word_boundary():
    slug = slugify("xây dựng nông thôn mới " * 30, max_length=50)
    assert len(slug) <= 50
    assert not slug.endswith("-")
    assert slug.startswith("xay-dung-nong-thon-moi")


REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / (
    "district-portal-article.txt"
)


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference page is not beside the repo")
def test_the_reference_pages_title_gets_the_portals_slug():
    first_line = REFERENCE.read_text(encoding="utf-8").splitlines()[0]
    title = re.sub(r"\s*\(\d{2}:\d{2} \d{2}/\d{2}/\d{4}\)\s*$", "", first_line)
    assert slugify(title) == "huyen-uy-thuong-tin-trien-khai-cong-tac-xay-dung-dang-nam-2021"
