"""Uploads never leave half a file behind: a write that fails part way (a full disk)
removes what it had written before the error goes on (`toasoan.errors` tells the
uploader)."""

import os

from django.core.files.storage import FileSystemStorage


class MediaStorage(FileSystemStorage):
    def _save(self, name, content):
        path = self.path(name)
        existed = os.path.exists(path)
        try:
            return super()._save(name, content)
        except OSError:
            if not existed:
                try:
                    os.remove(path)
                except FileNotFoundError:
                    pass
            raise
