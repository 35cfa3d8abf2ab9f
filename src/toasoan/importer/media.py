"""Finding a source's picture among the files the person importing has."""

from pathlib import Path
from urllib.parse import unquote, urlsplit


def local_file(url: str, media_dir: Path | None) -> Path | None:
    """The file under `media_dir` that `url` names: by the path after WordPress's
    `uploads/`, by the whole URL path, or by the file name alone."""
    if not url or media_dir is None:
        return None
    path = unquote(urlsplit(url).path)
    candidates = []
    if "/uploads/" in path:
        candidates.append(path.split("/uploads/", 1)[1])
    candidates += [path.lstrip("/"), Path(path).name]
    root = media_dir.resolve()
    for candidate in candidates:
        if not candidate:
            continue
        found = (root / candidate).resolve()
        # A URL with `..` in it must not reach outside the media directory.
        if found.is_relative_to(root) and found.is_file():
            return found
    return None
