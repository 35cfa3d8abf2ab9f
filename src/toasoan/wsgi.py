import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")

application = get_wsgi_application()

from toasoan.newsroom import scheduler  # noqa: E402

scheduler.start_in_server()
