"""Finding a source's picture among the files the person importing has."""

import os
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit


def local_file(url: str, media_dir) -> Path | None:
    """The local copy of an uploaded file under `media_dir` (a copy of WordPress's
    `wp-content/uploads`): by the path after `uploads/` (also without a multisite's
    `sites/<n>/`), by the URL's whole path, or by the file name. Never a path outside
    `media_dir`."""
    if not url or not media_dir:
        return None
    raw = urlsplit(url).path
    candidates = []
    for path in (unquote(raw), raw):
        marker = path.find("/uploads/")
        if marker >= 0:
            after = path[marker + len("/uploads/"):]
            candidates += [after, re.sub(r"^sites/\d+/", "", after)]
        candidates += [path.lstrip("/"), posixpath.basename(path)]
    root = os.path.realpath(media_dir)
    for relative in dict.fromkeys(candidates):
        parts = [part for part in relative.split("/") if part not in ("", ".")]
        if not parts or ".." in parts:
            continue
        candidate = os.path.join(root, *parts)
        if os.path.isfile(candidate) and os.path.realpath(candidate).startswith(root + os.sep):
            return Path(candidate)
    return None
