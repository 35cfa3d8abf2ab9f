"""Vietnamese text helpers: pure functions, no Django imports."""

from .fold import fold, fold_aligned, fold_word, fold_words, words
from .formats import format_datetime, format_number, format_weekday_date
from .normalize import clean_line, normalize
from .repair import Repaired, repair, repair_html
from .slugs import slugify
from .telex import telex_base, telex_word, telex_words, typed_telex

__all__ = [
    "clean_line",
    "fold",
    "fold_aligned",
    "fold_word",
    "fold_words",
    "format_datetime",
    "format_number",
    "format_weekday_date",
    "normalize",
    "Repaired",
    "repair",
    "repair_html",
    "slugify",
    "telex_base",
    "telex_word",
    "telex_words",
    "typed_telex",
    "words",
]
