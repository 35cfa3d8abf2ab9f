"""Admin panels shared by the page types."""

from collections import defaultdict

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.widgets.slug import SlugInput

from toasoan.text import slugify


def _transliteration_formatters():
    """Regex replacements that turn every accented Latin letter into its base letter.

    Wagtail's in-browser slug helper only knows letters in its tables and drops the
    rest (`Xây dựng Đảng` -> `xay-dng-dng`); running these first hands it plain ASCII,
    built from the same rule as the server's `slugify`.
    """
    groups = defaultdict(str)
    for code in range(0xC0, 0x1EFA):
        letter = chr(code)
        base = slugify(letter)
        if letter.isalpha() and len(base) == 1:
            groups[base] += letter
    return [(f"[{letters}]", base) for base, letters in sorted(groups.items())]


PROMOTE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("slug", widget=SlugInput(formatters=_transliteration_formatters())),
            FieldPanel("seo_title"),
            FieldPanel("search_description"),
        ],
        heading="Đường dẫn và máy tìm kiếm",
    ),
    MultiFieldPanel([FieldPanel("show_in_menus")], heading="Trình đơn"),
]
