import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")

application = get_wsgi_application()

from toasoan import jobs  # noqa: E402

jobs.start()
