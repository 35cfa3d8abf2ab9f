"""URL slugs the way Vietnamese portals write them: ASCII, đ -> d, no diacritics."""

import re
import unicodedata

from .normalize import normalize

_NON_WORD_RE = re.compile(r"[^a-z0-9]+")


def slugify(text: str, max_length: int = 200) -> str:
    """`Huyện ủy xây dựng Đảng` -> `huyen-uy-xay-dung-dang`.

    Django's slugify drops đ entirely (`ang`), and ASCII-folding libraries that
    decompose first miss it too, because đ has no decomposition.
    """
    text = normalize(text or "").replace("đ", "d").replace("Đ", "D")
    text = text.replace("ð", "d").replace("Ð", "D")
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    ascii_text = ascii_text.encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_WORD_RE.sub("-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug
