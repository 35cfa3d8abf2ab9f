"""Dates as exports and feeds write them, to aware datetimes.

A date without a zone is taken as Vietnam's time (Asia/Ho_Chi_Minh): the sources this
importer meets are Vietnamese sites. Every parser returns None for an empty value and
raises ValueError for one it cannot read, so that a reader can say which.
"""

import re
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

try:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")
except (ImportError, ZoneInfoNotFoundError):  # no tz database (Windows without tzdata)
    VIETNAM = timezone(timedelta(hours=7), "ICT")

_WP_ZERO = re.compile(r"^0{4}-0{2}-0{2}")


def parse_wordpress(value, tz=UTC):
    """`wp:post_date_gmt` (tz=UTC) or `wp:post_date` (tz=VIETNAM): 'YYYY-MM-DD HH:MM:SS'.
    WordPress writes '0000-00-00 00:00:00' for "none" (drafts): that gives None."""
    value = (value or "").strip()
    if not value or _WP_ZERO.match(value):
        return None
    moment = _iso(value)
    if moment is None:
        raise ValueError(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def is_unset_wordpress_date(value):
    """WordPress's "no date": empty or '0000-00-00 00:00:00'."""
    value = (value or "").strip()
    return not value or _WP_ZERO.match(value) is not None


def parse_feed(value):
    """A feed's date: RFC 822 (RSS, with the usual sloppiness), RFC 3339 (Atom), or
    the day-first 'dd/mm/YYYY HH:MM' Vietnamese sites print."""
    value = " ".join((value or "").split())
    if not value:
        return None
    moment = _iso(value) or _rfc822(value) or _day_first(value)
    if moment is None:
        raise ValueError(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=VIETNAM)


_FRACTION = re.compile(r"(\.\d{6})\d+")


def _iso(value):
    text = value.strip()
    if not re.match(r"^\d{4}-\d{1,2}-\d{1,2}", text):
        return None
    try:
        return datetime.fromisoformat(text)  # the usual case, fast
    except ValueError:
        pass
    text = _FRACTION.sub(r"\1", text.replace("t", "T").replace("z", "Z"))
    text = re.sub(r"\s*(Z|[+-]\d{2}:?\d{2})$", r"\1", text)  # '... 16:04:00 +07:00'
    text = re.sub(r"^(\d{4})-(\d)(?=-)", r"\1-0\2", text)  # '2021-1-08'
    text = re.sub(r"^(\d{4}-\d{2})-(\d)(?!\d)", r"\1-0\2", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


_MONTHS = {
    "january": "Jan", "february": "Feb", "march": "Mar", "april": "Apr", "june": "Jun",
    "july": "Jul", "august": "Aug", "september": "Sep", "sept": "Sep", "october": "Oct",
    "november": "Nov", "december": "Dec",
}  # fmt: skip
_MONTH_WORD = re.compile(r"\b(" + "|".join(_MONTHS) + r")\b", re.I)
_OFFSET_ZONE = re.compile(r"\b(?:GMT|UTC|UT)\s*([+-])(\d{1,2})(?::?(\d{2}))?$", re.I)
_COLON_ZONE = re.compile(r"([+-])(\d{2}):(\d{2})$")
_ZONE_NAMES = {"ICT": "+0700", "ICST": "+0700", "VST": "+0700", "Z": "+0000"}


def _rfc822(value):
    text = _MONTH_WORD.sub(lambda m: _MONTHS[m.group(1).lower()], value)
    text = re.sub(r"^[A-Za-z]+\.?,?\s+(?=\d)", "", text)  # a weekday, right or wrong
    text = _OFFSET_ZONE.sub(
        lambda m: f"{m.group(1)}{int(m.group(2)):02d}{m.group(3) or '00'}", text
    )
    text = _COLON_ZONE.sub(r"\1\2\3", text)
    last = text.rsplit(" ", 1)[-1]
    if last.upper() in _ZONE_NAMES:
        text = text[: -len(last)] + _ZONE_NAMES[last.upper()]
    if not re.search(r"[A-Za-z]{3}", text):  # no month name: not RFC 822
        return None
    try:
        return parsedate_to_datetime(text)  # naive when the zone is unknown or -0000
    except (TypeError, ValueError, IndexError):
        return None


_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_HM = re.compile(r"(?<![\d/.-])(\d{1,2})\s*[:hg]\s*(\d{2})(?:\s*:\s*(\d{2}))?(?!\d)", re.I)


def _day_first(value):
    date = _DMY.search(value)
    if date is None:
        return None
    rest = value[: date.start()] + " " + value[date.end() :]
    time = _HM.search(rest)
    day, month, year = (int(g) for g in date.groups())
    hour = minute = second = 0
    if time:
        hour, minute = int(time.group(1)), int(time.group(2))
        second = int(time.group(3) or 0)
    try:
        return datetime(year, month, day, hour, minute, second)
    except ValueError:
        return None
