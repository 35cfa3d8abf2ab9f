import random
import unicodedata
from pathlib import Path

import pytest

from toasoan.text import Repaired, repair, repair_html
from toasoan.text.legacy_encodings import (
    decode_tcvn3,
    decode_vni,
    encode_tcvn3,
    encode_vni,
    tcvn3_table,
    vni_table,
)

SHARED = Path(__file__).resolve().parents[3] / "shared"
REFERENCE = SHARED / "reference" / "district-portal-article.txt"

SENTENCES = [
    "Hà Nội",
    "Đảng bộ huyện Vân Khê tổ chức hội nghị tổng kết công tác năm 2026.",
    "Người dân được hưởng lợi từ đường giao thông nông thôn mới.",
    "Ủy ban nhân dân xã Đông Hòa khen thưởng 16 tập thể và 25 cá nhân.",
    "Thủy lợi, nước sạch về thôn; khuỷu sông, ngoẹo đường, khuya rồi mà vẫn sáng đèn.",
    "Ông Trần Văn Quý chia sẻ: con đường rộng rãi, sạch đẹp thì ai cũng vui.",
    "Quyết tâm giữ gìn bản sắc văn hóa, phong tục tốt đẹp của quê hương.",
]


def cp1252_mojibake(text: str) -> str:
    """UTF-8 read as Windows-1252, undefined bytes kept as C1 characters (browsers)."""
    out = []
    for byte in text.encode("utf-8"):
        try:
            out.append(bytes([byte]).decode("cp1252"))
        except UnicodeDecodeError:
            out.append(chr(byte))
    return "".join(out)


def latin1_mojibake(text: str) -> str:
    return text.encode("utf-8").decode("latin-1")


# Mojibake


@pytest.mark.parametrize(
    ("damaged", "text"),
    [
        ("Ä‘", "đ"),
        ("Ã„â€˜", "đ"),  # encoded twice
        ("Ä‘Ã¡", "đá"),
        ("HÃ\xa0 Ná»™i", "Hà Nội"),
        ("HÃ  Ná»™i", "Hà Nội"),  # the no-break space became a space
        ("Xin chÃ o cÃ¡c báº¡n", "Xin chào các bạn"),
        ("lÃ  má»™t", "là một"),
        ("HÃ Nam", "Hà Nam"),
        ("donâ€™t", "don’t"),
        ("Nhiá»‡t Ä‘á»™ 25Â°C", "Nhiệt độ 25°C"),
        ("KHÃ”NG", "KHÔNG"),
    ],
)
def test_mojibake_is_repaired(damaged, text):
    result = repair(damaged)
    assert result.text == text
    assert "mojibake" in result.fixes
    assert result.damage == ()


@pytest.mark.parametrize("sentence", SENTENCES)
@pytest.mark.parametrize(
    "damage",
    [
        cp1252_mojibake,
        latin1_mojibake,
        lambda text: cp1252_mojibake(cp1252_mojibake(text)),
        lambda text: cp1252_mojibake(latin1_mojibake(text)),
    ],
    ids=["windows-1252", "latin-1", "windows-1252-twice", "latin-1-then-windows-1252"],
)
def test_mojibake_sentences_round_trip(sentence, damage):
    result = repair(damage(sentence))
    assert result.text == sentence
    assert "mojibake" in result.fixes


@pytest.mark.parametrize(
    ("damaged", "text"),
    [
        ("NGÃ\xa0BA và Ä‘i", "NGÃ\xa0BA và đi"),
        ("NGÃ BA Ä‘i", "NGÃ BA đi"),
        ("Ä‘i “NGÃ”", "đi “NGÃ”"),
        ("Ä‘i “QUÊ” nhÃ©", "đi “QUÊ” nhé"),
    ],
)
def test_capitals_beside_mojibake_stay_capitals(damaged, text):
    assert repair(damaged).text == text


def test_control_characters_are_removed():
    result = repair("Tin\x00 mới\x1b[31m đỏ\x07")
    assert result.text == "Tin mới đỏ"
    assert result.fixes == ("control-chars",)


def test_mojibake_line_among_correct_lines():
    text = "Dòng đúng.\n" + cp1252_mojibake("Dòng hỏng ở đây.") + "\n\nDòng đúng nữa."
    assert repair(text).text == "Dòng đúng.\nDòng hỏng ở đây.\n\nDòng đúng nữa."


# TCVN3 and VNI


@pytest.mark.parametrize(
    ("legacy", "text", "fix"),
    [
        ("Hµ Néi", "Hà Nội", "tcvn3"),
        ("§¶ng bé huyÖn", "Đảng bộ huyện", "tcvn3"),
        ("Hµ NéI", "HÀ NỘI", "tcvn3"),  # a heading in .VnTimeH
        ("UBND HUYÖN §¤NG Hµ", "UBND HUYỆN ĐÔNG HÀ", "tcvn3"),
        ("Haø Noäi", "Hà Nội", "vni"),
        ("Ñaûng boä huyeän", "Đảng bộ huyện", "vni"),
        ("HAØ NOÄI", "HÀ NỘI", "vni"),
    ],
)
def test_legacy_encodings_are_converted(legacy, text, fix):
    result = repair(legacy)
    assert result.text == text
    assert result.fixes == (fix,)


@pytest.mark.parametrize("sentence", SENTENCES[1:])
@pytest.mark.parametrize(
    ("encode", "fix"),
    [
        (encode_tcvn3, "tcvn3"),
        (lambda text: encode_tcvn3(text, heading_font=True), "tcvn3"),
        (encode_vni, "vni"),
    ],
    ids=["tcvn3", "tcvn3-heading-font", "vni"],
)
def test_legacy_sentences_round_trip(sentence, encode, fix):
    legacy = encode(sentence)
    assert legacy != sentence
    result = repair(legacy)
    assert result.text == sentence
    assert result.fixes == (fix,)


@pytest.mark.parametrize("encode", [encode_tcvn3, encode_vni])
def test_legacy_headings_round_trip(encode):
    heading = "ĐẢNG BỘ HUYỆN VÂN KHÊ LẦN THỨ XXV"
    assert repair(encode(heading)).text == heading


def test_tcvn3_heading_font_gives_capitals_back():
    heading = "ĐẢNG BỘ HUYỆN VÂN KHÊ: NGƯỜI DÂN ĐƯỢC HƯỞNG LỢI"
    assert repair(encode_tcvn3(heading, heading_font=True)).text == heading


def test_tcvn3_sentence_starts_get_their_capitals():
    text = "Ứng dụng mới. Ý kiến của người dân được lắng nghe. Ở đây vẫn thế."
    assert repair(encode_tcvn3(text, heading_font=True)).text == text


def test_legacy_html_converted_across_nodes_and_attributes():
    parts = ["Đảng bộ huyện", "Người dân ", "được", " hưởng lợi từ đường mới."]
    html = '<p title="{}">{}<b>{}</b>{}</p>'
    for encode, fix in ((encode_tcvn3, "tcvn3"), (encode_vni, "vni")):
        result = repair_html(html.format(*map(encode, parts)))
        assert result.text == html.format(*parts)
        assert result.fixes == (fix,)


LETTERS = sorted(tcvn3_table())


def test_tables_cover_every_vietnamese_letter():
    assert len(LETTERS) == 134  # 67 letters with marks, upper and lower case
    assert sorted(vni_table()) == sorted(set(LETTERS) - set("ìíÌÍ"))  # VNI has these as is
    for letter in LETTERS:
        assert decode_vni(encode_vni(letter)) == letter
        if letter.islower() or encode_tcvn3(letter) != encode_tcvn3(letter.lower()):
            assert decode_tcvn3(encode_tcvn3(letter)) == letter


# NFD, invisible characters, ETH


def test_nfd_becomes_nfc():
    nfd = unicodedata.normalize("NFD", SENTENCES[1])
    result = repair(nfd)
    assert result.text == SENTENCES[1]
    assert result.fixes == ("nfc",)


def test_invisible_characters_go_but_emoji_sequences_stay():
    scotland = "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f"
    text = f"Gia đình 👨\u200d👩\u200d👧, 👩🏽\u200d💻 và cờ {scotland}"
    assert repair(text) == Repaired(text)
    assert repair("a\u2066\u200d\u2069b ❤\ufe0f\u200d🔥").text == "ab ❤\ufe0f\u200d🔥"
    result = repair("Hà\u200b Nội\u202e, mềm\u00admại")
    assert result.text == "Hà Nội, mềmmại"
    assert result.fixes == ("invisible",)


def test_look_alike_eth_is_read_as_d_with_stroke():
    result = repair("Ðảng bộ xã Ðông Hòa")
    assert result.text == "Đảng bộ xã Đông Hòa"
    assert result.fixes == ("eth",)
    assert repair("Guðrún Þórsdóttir").fixes == ()


def test_paragraph_breaks_survive():
    text = "Đoạn một.\n\nĐoạn hai,\n  thụt lề.\r\nĐoạn ba.\n"
    assert repair(text).text == text
    assert repair(unicodedata.normalize("NFD", text)).text == text


# Lost letters


@pytest.mark.parametrize(
    ("text", "passages"),
    [
        ("L?y l?i m\ufffd b?o m?t", ("L?y l?i m\ufffd b?o m?t",)),
        ("Mã xác nhận: L?y l?i m\ufffd b?o m?t", ("Mã xác nhận: L?y l?i m\ufffd b?o m?t",)),
        ("Ông Nguy?n V?n An ??i di?n", ("Ông Nguy?n V?n An ??i di?n",)),
        ("Bài viết về ?ảng bộ xã năm nay", ("Bài viết về ?ảng bộ xã năm",)),
        ("Hôm nay tr\ufffdi đẹp", ("Hôm nay tr\ufffdi đẹp",)),
        ("Tên của bạn là g?", ("của bạn là g?",)),
        ("Người dân đã m? đường, rất vui", ("Người dân đã m? đường, rất vui",)),
    ],
)
def test_lost_letters_are_reported_and_kept(text, passages):
    result = repair(text)
    assert result.text == text
    assert result.damage == passages
    assert result.fixes == ()


def test_damage_far_apart_gives_separate_passages():
    words = " ".join(["chữ"] * 30)
    result = repair(f"Một b?n {words} cuối c?ng")
    assert result.damage == ("Một b?n chữ chữ chữ", "chữ chữ cuối c?ng")


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference page is not beside the repo")
def test_the_reference_pages_lost_letters_are_found_and_nothing_else():
    page = REFERENCE.read_text(encoding="utf-8")
    result = repair(page)
    assert result.text == page
    assert result.fixes == ()
    assert len(result.damage) == 1
    assert result.damage[0].endswith("L?y l?i m\ufffd b?o m?t")


@pytest.mark.parametrize(
    "text",
    [
        "Vì sao? Tại sao lại thế?",
        "Cái gì? Ai? Sao? Thế nào? Được chưa?",
        "Anh đi đâu?",
        "“Vì sao?” – bà hỏi.",
        "Why? Because it works. Is it OK? Who knows?",
        "Bạn có hiểu không??",
        "¿Qué pasó? ¡Olé!",
        "Xem https://vankhe.gov.vn/tin-tuc/index.php?id=12&lang=vi hoặc www.site.vn/?q=xay+dung",
        "Công thức a?b:c và x ? y",
        "Điện thoại 0912?345, thư a?b@vankhe.vn",
        "?",
        "(?)",
    ],
)
def test_question_marks_that_are_not_damage(text):
    assert repair(text) == Repaired(text)


# Correct text is never touched

CORRECT = [
    *SENTENCES,
    "Hoà Bình, Cà Mau, Tây Ninh",
    "Chào bà, chào cô, chào chú",
    "TÂY NINH - CÀ MAU - HOÀ BÌNH",
    "Ê kíp, Ô tô, Ý chí, Á châu, Âu châu",
    "NGÃ BA ĐỒNG LỘC, “CÚ NGÃ” và NGÃ\xa0BA",
    "Về “QUÊ” mẹ, ông LÊ\xa0VĂN TÁM, THÔ»",
    "© 2026 Cổng thông tin huyện Vân Khê. Nhiệt độ 16–18 °C, giá 100 € cho ½ kg.",
    "“Đẹp” – ‘tuyệt’ — «hay» … • 😀👍🏽👨\u200d👩\u200d👧🇻🇳❤️ ™ ® ² ³ µm § ¶",
    "The committee met on Monday; it’s “fine” — really.",
    "L'élève est allé à l'école près de la forêt; où est-il? Il a mangé une crème brûlée.",
    "Le maître a lu « Les Misérables » à côté de la fenêtre. Noël à Paris. Ça coûte cher.",
    "El señor Muñoz vive en España; su niño tiene años. ¿Qué pasó?",
    "Der Bürgermeister von München hat über die Straße gesprochen. Schöne Grüße aus Köln.",
    "São Paulo e João Pessoa: não há ações sem informação.",
    "Café Olé – Zürich – Ñandú – Ærø – Øresund – Åland – Guðrún Þórsdóttir",
    "Ngô Bảo Châu met José Mourinho in Zürich; François Hollande visited Hà Nội.",
    "AT&amp;T &lt;b&gt; 5 &gt; 3",
    "Tab\tand\nnew lines\n\n  kept",
    "",
    "plain ascii",
]


@pytest.mark.parametrize("text", CORRECT)
def test_correct_text_is_left_alone(text):
    result = repair(text)
    assert result.text == text
    assert result.fixes == ()
    assert result.damage == ()


CLOSING = ["", "”", "’", "»", "…", "–", "\xa0", ".", ",", "!", ")", "”…", "”.", "\xa0 "]


def test_every_letter_with_every_mark_in_every_case_is_left_alone():
    for letter in LETTERS + list("aeiouyAEIOUYdD"):
        words = (letter, "th" + letter + "n", "QU" + letter.upper(), letter.upper() + "NG")
        for word in words:
            for closing in CLOSING:
                for text in (f"“{word}{closing}", f"«{word}{closing} tiếp", f"x ({word}{closing}"):
                    if word[-1] in "âÂ" and closing.strip(" .,!)"):
                        continue  # `…QUÂ»`: no word ends in â; that is mojibake of »
                    if word == "Ã" and closing.startswith("\xa0"):
                        continue  # a lone `Ã\xa0` is the word `à` in mojibake
                    result = repair(text)
                    assert (result.text, result.fixes, result.damage) == (text, (), ()), text


def _latin1_syllables():
    """Vietnamese syllables written with Latin-1 letters only: the text a TCVN3 or VNI
    detector could mistake for its own."""
    from toasoan.text.repair import _ONSETS, _RHYMES

    out = set()
    for onset in ["", *_ONSETS]:
        for rhyme in _RHYMES:
            for tone in ("", "\u0300", "\u0301", "\u0303"):
                for at in range(1, len(rhyme) + 1):  # the tone on each letter in turn
                    word = unicodedata.normalize("NFC", onset + rhyme[:at] + tone + rhyme[at:])
                    if all(ord(ch) < 0x100 for ch in word):
                        out.add(word)
    return sorted(out)


def test_vietnamese_written_in_latin1_letters_only_is_left_alone():
    syllables = _latin1_syllables()
    rng = random.Random(7)
    for _ in range(3000):
        words = rng.choices(syllables, k=rng.randint(1, 8))
        if rng.random() < 0.3:
            words = [word.capitalize() for word in words]
        elif rng.random() < 0.1:
            words = [word.upper() for word in words]
        text = " ".join(words) + rng.choice(["", ".", ",", "!", ":"])
        result = repair(text)
        assert (result.text, result.fixes, result.damage) == (text, (), ()), text


@pytest.mark.skipif(not REFERENCE.exists(), reason="the reference page is not beside the repo")
def test_the_reference_pages_lines_are_left_alone():
    for line in REFERENCE.read_text(encoding="utf-8").splitlines()[:-1]:
        result = repair(line)
        assert (result.text, result.fixes, result.damage) == (line, (), ()), line


@pytest.mark.parametrize(
    "text",
    [
        *SENTENCES,
        unicodedata.normalize("NFD", SENTENCES[2]),
        cp1252_mojibake(SENTENCES[3]),
        encode_vni(SENTENCES[4]),
        encode_tcvn3(SENTENCES[5]),
        "e\u0302\u0301 a\u0323\u0306 u\u031b\u0300",
    ],
)
def test_output_is_nfc(text):
    assert unicodedata.is_normalized("NFC", repair(text).text)
    assert unicodedata.is_normalized("NFC", repair_html(f"<p>{text}</p>").text)


# HTML


def test_html_markup_and_urls_are_left_byte_for_byte():
    html = (
        '<p class="lead"><a href="/tin.php?id=1&amp;x=2" title="Xem?">Đọc tiếp</a> '
        '<img src="a.php?id=1&x=2" alt="Ảnh: Hà Nội"></p>\n'
        "<!-- m?t b?n ghi chú -->\n<script>var url = 'a?b=c'; // L?y</script>\n"
        "<style>a[href*='?'] { color: red }</style><p>Hết.</p>"
    )
    result = repair_html(html)
    assert result.text == html
    assert result.fixes == ()
    assert result.damage == ()


def test_html_text_and_attributes_are_repaired_markup_kept():
    html = (
        f'<p title="{cp1252_mojibake("Đảng bộ")}"><b>{cp1252_mojibake("Xây dựng")}</b> '
        f'<a href="/x?a=1&amp;b=Ã">{cp1252_mojibake("nông thôn")}</a>'
        f"<img alt='{cp1252_mojibake('Ảnh')}' src=x.jpg></p>"
    )
    result = repair_html(html)
    assert result.text == (
        '<p title="Đảng bộ"><b>Xây dựng</b> <a href="/x?a=1&amp;b=Ã">nông thôn</a>'
        "<img alt='Ảnh' src=x.jpg></p>"
    )
    assert result.fixes == ("mojibake",)


def test_html_damage_is_looked_for_in_text_only():
    html = (
        '<p><a href="index.php?id=1&x=2" title="L?y l?i">Mã xác nhận</a>: '
        "L?y l?i m&#65533; b?o m?t</p>"
    )
    result = repair_html(html)
    assert result.text == html
    assert result.damage == ("Mã xác nhận: L?y l?i m\ufffd b?o m?t",)


def test_html_nfd_and_entities():
    html = unicodedata.normalize("NFD", "<p>Xây dựng &amp; phát triển&nbsp;“bền vững”</p>")
    result = repair_html(html)
    assert result.text == "<p>Xây dựng &amp; phát triển&nbsp;“bền vững”</p>"
    assert result.fixes == ("nfc",)


def test_empty_values_pass_through():
    assert repair("").text == ""
    assert repair_html("").text == ""
