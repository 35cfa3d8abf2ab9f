"""The disk fills up while an editor uploads an image: a clear Vietnamese message, no
image record and no half-written file."""

import errno
import os
import random
from io import BytesIO
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Collection

REAL_FDOPEN = os.fdopen


class FillsUp:
    """A file on a disk with room for part of the first chunk written to it."""

    def __init__(self, file):
        self.file = file

    def write(self, data):
        self.file.write(data[: len(data) // 2])
        self.file.flush()
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    def __getattr__(self, name):
        return getattr(self.file, name)


def full_disk_fdopen(fd, mode="r", *args, **kwargs):
    file = REAL_FDOPEN(fd, mode, *args, **kwargs)
    return FillsUp(file) if "w" in mode else file


def photo_bytes():
    # Noise: a JPEG of several hundred kilobytes, written in several chunks.
    rng = random.Random(7)
    image = PILImage.frombytes("RGB", (600, 400), bytes(rng.getrandbits(8)
                                                        for _ in range(600 * 400 * 3)))
    buffer = BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


class FullDiskUploadTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = get_user_model().objects.create_superuser("bientap", "bt@example.vn", "x")

    def files(self):
        root = Path(settings.MEDIA_ROOT)
        return sorted(path for path in root.rglob("*") if path.is_file())

    def test_a_full_disk_says_so_and_leaves_nothing_behind(self):
        client = Client(raise_request_exception=False)
        client.force_login(self.editor)
        before = self.files()
        upload = SimpleUploadedFile("hoi-nghi-tong-ket.jpg", photo_bytes(), "image/jpeg")

        with mock.patch("django.core.files.storage.filesystem.os.fdopen", full_disk_fdopen):
            response = client.post("/admin/images/add/", {
                "title": "Hội nghị tổng kết", "file": upload,
                "collection": Collection.get_first_root_node().pk,
            })

        self.assertEqual(response.status_code, 507)
        self.assertIn("Máy chủ hết dung lượng lưu trữ", response.content.decode())
        self.assertFalse(get_image_model().objects.filter(title="Hội nghị tổng kết").exists())
        self.assertEqual(self.files(), before)
