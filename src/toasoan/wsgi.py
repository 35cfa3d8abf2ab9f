import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")

application = get_wsgi_application()

from toasoan.news.viewcount import start_flusher  # noqa: E402

start_flusher()
