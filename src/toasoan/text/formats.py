"""Display formats of Vietnamese portals: `16:04 08/01/2021`, `14.137,32`."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def format_datetime(value: datetime, tz: ZoneInfo = VIETNAM) -> str:
    """`16:04 08/01/2021` in Vietnam's time zone (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(tz).strftime("%H:%M %d/%m/%Y")


WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")


def format_weekday_date(value: date | datetime, tz: ZoneInfo = VIETNAM) -> str:
    """`Thứ Sáu, 08/01/2021`: the weekday in full, then the date (in Vietnam)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=ZoneInfo("UTC"))
        value = value.astimezone(tz).date()
    return f"{WEEKDAYS[value.weekday()]}, {value:%d/%m/%Y}"


def format_number(value: float | int, decimals: int = 0) -> str:
    """`14137.32` -> `14.137,32`: dot for thousands, comma for decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
