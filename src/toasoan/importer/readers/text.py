"""Article pages saved as text from an old portal (the shape of
`reference/district-portal-article.txt`):

    Title of the article (16:04 08/01/2021)
    HNP - The lead, after the agency's tag.
    The photo's caption
    Body paragraphs…
    Byline
    Các bài mới đăng      <- the page's chrome from here on: lists, comment form

Paragraphs are separated by blank lines. A picture file beside the text file with
the same name (`bai-1.jpg` beside `bai-1.txt`) becomes the article's photo.
"""

import html
import re
import unicodedata
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from toasoan.text import fold
from toasoan.text.repair import repair

from ..records import ArticleRecord, ImageRecord, Problem

LEGACY_FIXES = {"tcvn3", "vni"}
VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
PICTURE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif")

_TITLE_RE = re.compile(
    r"^(?P<title>.+?)\s*\(\s*(?P<time>\d{1,2}:\d{2})\s+(?P<date>\d{1,2}/\d{1,2}/\d{4})\s*\)\s*$"
)
# The agency's tag before the lead: `HNP - `, `TTXVN – `, `(HNM) - `.
_TAG_RE = re.compile(r"^\(?(?P<tag>[A-ZĐ][A-ZĐ0-9.]{1,14})\)?\s*[-–—]\s+(?P<lead>\S.*)$", re.S)
# The page around the article, folded (the chrome of damaged pages folds the same).
_CHROME = (
    "cac bai moi dang", "cac bai da dang", "cac tin khac", "tin lien quan", "bai lien quan",
    "tin moi hon", "tin cu hon", "bai viet xem", "viet binh luan", "y kien ban doc",
    "gui binh luan", "ho ten", "ma xac nhan", "in bai viet", "gui cho ban be", "chia se",
    "binh luan", "tro ve", "len dau trang",
)
CHROME_CHARS = 80
_SENTENCE_END = (".", "!", "?", "…", ":", ";", '"', "”", ")")
_AUTHOR_SPLIT_RE = re.compile(r"\s*(?:,|;|/|\s[-–]\s|\svà\s)\s*")


def read_text(paths) -> "Iterator[ArticleRecord | Problem]":  # noqa: F821
    """One record per text file; directories are read for `*.txt`, in name order."""
    for path, key in _files(paths):
        try:
            text, fixes = _decode(path.read_bytes())
        except OSError as error:
            yield Problem(f"tệp {path}", f"không đọc được tệp: {error.strerror or error}")
            continue
        record = parse(text, key, path)
        if isinstance(record, ArticleRecord):
            record.fixes = fixes
        yield record


def _files(paths):
    for given in map(Path, paths):
        if given.is_dir():
            for path in sorted(given.rglob("*.txt")):
                yield path, f"text:{path.relative_to(given).as_posix()}"
        else:
            yield given, f"text:{given.name}"


def _decode(data: bytes) -> tuple[str, tuple[str, ...]]:
    """The file's text, and the repairs its reading took."""
    try:
        return data.decode("utf-8-sig"), ()
    except UnicodeDecodeError:
        pass
    # Old 8-bit text: TCVN3 or VNI font text, converted here as a whole (a byline
    # alone is too short to tell), or Windows' own Vietnamese code page (tone marks
    # after their letter), which the Windows-1252 reading would garble.
    western = _windows_1252(data)
    converted = repair(western)
    if legacy := LEGACY_FIXES & set(converted.fixes):
        return converted.text, tuple(sorted(legacy))
    try:
        return unicodedata.normalize("NFC", data.decode("cp1258")), ("cp1258",)
    except UnicodeDecodeError:
        return western, ()


def _windows_1252(data: bytes) -> str:
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined
        return data.decode("latin-1")


def parse(text: str, key: str, path: Path | None = None) -> "ArticleRecord | Problem":
    name = path.name if path else key
    paragraphs = _paragraphs(text)
    if not paragraphs:
        return Problem(f"tệp {name}", "tệp trống")
    first_line, title_text = paragraphs[0]
    found = _TITLE_RE.match(title_text)
    if not found:
        return Problem(f"tệp {name}, dòng {first_line}",
                       "dòng đầu không phải tiêu đề kèm thời gian đăng “(giờ:phút ngày/tháng/năm)”")
    try:
        published_at = datetime.strptime(
            f"{found['time']} {found['date']}", "%H:%M %d/%m/%Y").replace(tzinfo=VIETNAM)
    except ValueError:
        return Problem(f"tệp {name}, dòng {first_line}",
                       f"thời gian đăng không hợp lệ: {found['time']} {found['date']}")
    rest = [paragraph for _, paragraph in _until_chrome(paragraphs[1:])]
    record = ArticleRecord(key=key, title=found["title"], line=first_line,
                           published_at=published_at)
    if rest:
        tagged = _TAG_RE.match(rest[0])
        record.lead = tagged["lead"] if tagged else rest[0]
        rest = rest[1:]
    if rest and _is_caption(rest[0]) and len(rest) > 1:
        caption, rest = rest[0], rest[1:]
        record.image = ImageRecord(key=f"{key}#anh", caption=caption,
                                   path=str(_picture_beside(path) or ""))
    if rest and _is_byline(rest[-1]):
        byline, rest = rest[-1], rest[:-1]
        if fold(byline).startswith("theo "):
            record.source = byline
        else:
            record.authors = [name for name in _AUTHOR_SPLIT_RE.split(byline) if name]
    record.body_html = "".join(
        f"<p>{html.escape(paragraph, quote=False)}</p>" for paragraph in rest
    )
    return record


def _paragraphs(text):
    """(first line number, text) of each paragraph: lines between blank lines,
    joined by spaces."""
    paragraphs, lines, start = [], [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            if not lines:
                start = number
            lines.append(line.strip())
        elif lines:
            paragraphs.append((start, " ".join(lines)))
            lines = []
    if lines:
        paragraphs.append((start, " ".join(lines)))
    return paragraphs


def _until_chrome(paragraphs):
    for number, paragraph in paragraphs:
        # Chrome is short: a body paragraph that starts "Bình luận viên…" is not.
        folded = fold(paragraph).strip(" :*()")
        if len(paragraph) <= CHROME_CHARS and folded.startswith(_CHROME):
            return
        yield number, paragraph


def _is_caption(paragraph: str) -> bool:
    return len(paragraph) <= 300 and not paragraph.endswith(_SENTENCE_END)


def _is_byline(paragraph: str) -> bool:
    words = paragraph.split()
    return (
        0 < len(words) <= 12
        and len(paragraph) <= 100
        and not paragraph.endswith(_SENTENCE_END[1:])  # "Th.S Nguyễn Văn A." is a byline
        and paragraph[0].isupper()
    )


def _picture_beside(path: Path | None) -> Path | None:
    if path is None:
        return None
    for suffix in PICTURE_SUFFIXES:
        for candidate in (path.with_suffix(suffix), path.with_suffix(suffix.upper())):
            if candidate.is_file():
                return candidate
    return None
