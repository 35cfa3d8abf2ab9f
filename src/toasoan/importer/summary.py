"""What an import did, counted as it goes and told at the end, in Vietnamese."""

from dataclasses import dataclass, field

from toasoan.text import format_number

MAX_LISTED = 50  # problems and missing files listed one by one; the rest counted
MAX_KEPT = 1000  # kept in memory: an export of 100,000 posts may miss every picture


class Tally(list):
    """A list that keeps its first MAX_KEPT items and counts the rest."""

    def __init__(self):
        super().__init__()
        self.count = 0

    def append(self, item):
        self.count += 1
        if super().__len__() < MAX_KEPT:
            super().append(item)

    def __iadd__(self, items):
        for item in items:
            self.append(item)
        return self

    def __len__(self):
        return self.count


@dataclass
class Summary:
    created: int = 0
    updated: int = 0
    skipped: int = 0  # unchanged since the last import, or not an article (a page, trash)
    repaired: int = 0  # articles whose text had encoding damage that was repaired
    flagged: int = 0  # articles with lost letters: kept as drafts "cần kiểm tra"
    comments: int = 0
    images: int = 0
    redirects: int = 0
    failed: Tally = field(default_factory=Tally)  # (where, why)
    missing: Tally = field(default_factory=Tally)  # (article, file url)

    @property
    def done(self) -> int:
        return self.created + self.updated + self.skipped + len(self.failed)

    def progress_line(self) -> str:
        return (f"đã xử lý {_n(self.done)} mục: tạo {_n(self.created)}, "
                f"cập nhật {_n(self.updated)}, bỏ qua {_n(self.skipped)}, "
                f"lỗi {_n(len(self.failed))}")

    def report(self, seconds: float) -> str:
        rate = self.done / seconds if seconds > 0 else 0
        lines = [
            f"Xong: {_n(self.done)} mục trong {format_number(seconds, 1)} giây"
            f" ({_n(round(rate))} mục/giây).",
            f"  Tạo mới:                    {_n(self.created)}",
            f"  Cập nhật:                   {_n(self.updated)}",
            f"  Bỏ qua (không đổi):         {_n(self.skipped)}",
            f"  Đã sửa lỗi mã hóa:          {_n(self.repaired)}",
            f"  Cần kiểm tra (bản nháp):    {_n(self.flagged)}",
            f"  Bình luận:                  {_n(self.comments)}",
            f"  Ảnh:                        {_n(self.images)}",
            f"  Chuyển hướng từ liên kết cũ: {_n(self.redirects)}",
            f"  Lỗi:                        {_n(len(self.failed))}",
        ]
        lines += _listed("Mục không nhập được:",
                         [f"{where}: {why}" for where, why in self.failed], len(self.failed))
        lines += _listed(
            "Ảnh không có tệp (dùng --media-dir để chỉ thư mục chứa ảnh):",
            [f"{article}: {url}" for article, url in self.missing], len(self.missing),
        )
        return "\n".join(lines)


def _n(number: int) -> str:
    return format_number(number)


def _listed(heading: str, items: list[str], total: int) -> list[str]:
    if not total:
        return []
    lines = [heading] + [f"  - {item}" for item in items[:MAX_LISTED]]
    if total > MAX_LISTED:
        lines.append(f"  … và {_n(total - MAX_LISTED)} mục nữa")
    return lines
