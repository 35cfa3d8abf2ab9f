"""Vietnamese text helpers: pure functions, no Django imports."""

from .fold import fold
from .formats import format_datetime, format_number
from .normalize import clean_line, normalize
from .slugs import slugify

__all__ = ["clean_line", "fold", "format_datetime", "format_number", "normalize", "slugify"]
