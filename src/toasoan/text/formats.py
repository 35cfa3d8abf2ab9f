"""Display formats of Vietnamese portals: `16:04 08/01/2021`, `14.137,32`."""

from datetime import datetime
from zoneinfo import ZoneInfo

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")


def format_datetime(value: datetime, tz: ZoneInfo = VIETNAM) -> str:
    """`16:04 08/01/2021` in Vietnam's time zone (naive values are taken as UTC)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo("UTC"))
    return value.astimezone(tz).strftime("%H:%M %d/%m/%Y")


def format_number(value: float | int, decimals: int = 0) -> str:
    """`14137.32` -> `14.137,32`: dot for thousands, comma for decimals."""
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")
