import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand

from toasoan.newsroom import scheduler


class Command(BaseCommand):
    help = (
        "Chạy các tác vụ định kỳ (xuất bản và gỡ bài theo giờ hẹn, thông báo bình luận, "
        "xóa dữ liệu cá nhân hết hạn) mà không cần máy chủ web; an toàn khi chạy "
        "song song với `toasoan serve`."
    )

    def handle(self, *args, **options):
        stop = threading.Event()
        for signum in (signal.SIGINT, signal.SIGTERM):
            signal.signal(signum, lambda *_: stop.set())
        self.stdout.write(
            f"Đang chạy tác vụ định kỳ ({scheduler.holder()}), mỗi {settings.JOB_SECONDS:g} giây; "
            "nhấn Ctrl-C để dừng.",
        )
        self.stdout.flush()
        runner = scheduler.Runner(site_jobs=True, flush_views=False)
        runner.tick()
        runner.loop(stop)
        scheduler.release_lease()
        self.stdout.write("Đã dừng.")
