from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from toasoan.text import format_datetime, format_number


def test_datetime_in_vietnam_time():
    # 09:04 UTC is 16:04 in Hanoi.
    assert format_datetime(datetime(2021, 1, 8, 9, 4, tzinfo=UTC)) == "16:04 08/01/2021"


def test_datetime_already_local():
    when = datetime(2021, 1, 8, 16, 4, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh"))
    assert format_datetime(when) == "16:04 08/01/2021"


def test_datetime_crossing_midnight_changes_the_date():
    assert format_datetime(datetime(2020, 12, 31, 20, 30, tzinfo=UTC)) == "03:30 01/01/2021"


def test_numbers_use_dot_thousands_and_comma_decimals():
    assert format_number(14137.32, 2) == "14.137,32"
    assert format_number(20685) == "20.685"
    assert format_number(973.611, 3) == "973,611"
    assert format_number(7) == "7"


def test_weekday_dates_name_the_day_in_full():
    from datetime import date

    from toasoan.text import format_weekday_date

    assert format_weekday_date(date(2021, 1, 8)) == "Thứ Sáu, 08/01/2021"
    assert format_weekday_date(date(2026, 11, 27)) == "Thứ Sáu, 27/11/2026"
    assert format_weekday_date(date(2026, 11, 29)) == "Chủ Nhật, 29/11/2026"
    assert format_weekday_date(date(2026, 11, 30)) == "Thứ Hai, 30/11/2026"
    # 20:00 UTC on a Thursday is already Friday morning in Hanoi.
    assert format_weekday_date(datetime(2021, 1, 7, 20, 0, tzinfo=UTC)) == "Thứ Sáu, 08/01/2021"
