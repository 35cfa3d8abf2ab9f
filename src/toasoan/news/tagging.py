"""Tag strings split on commas only: Vietnamese tags are words separated by spaces."""

from toasoan.text import clean_line


def split_tags(text):
    """`xây dựng Đảng, nông thôn mới` -> two tags (taggit's default would make five)."""
    tags = (clean_line(part.strip().strip('"')) for part in (text or "").split(","))
    return sorted({tag for tag in tags if tag})


def join_tags(tags):
    return ", ".join(sorted(tag.name for tag in tags))
