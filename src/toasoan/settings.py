"""Django settings for toasoan.

Every knob comes from a TOASOAN_* environment variable; with none set the site
runs on SQLite under ./var/ with a local-memory cache, which is what `toasoan demo`
and a developer's machine use.
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


PACKAGE_DIR = Path(__file__).resolve().parent
DATA_DIR = Path(os.environ.get("TOASOAN_DATA_DIR", "var")).resolve()

DEBUG = env_bool("TOASOAN_DEBUG")
SECRET_KEY = os.environ.get("TOASOAN_SECRET_KEY", "")
if not SECRET_KEY:
    # One machine: keep a generated key beside the database. Several machines must
    # share TOASOAN_SECRET_KEY instead (docs/deployment.md).
    key_file = DATA_DIR / "secret_key"
    if not key_file.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        key_file.write_text(secrets.token_urlsafe(50))
        key_file.chmod(0o600)
    SECRET_KEY = key_file.read_text().strip()

ALLOWED_HOSTS = env_list("TOASOAN_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]")
BASE_URL = os.environ.get("TOASOAN_BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = BASE_URL

INSTALLED_APPS = [
    "toasoan.news",
    "toasoan.comments",
    "toasoan.demo",
    "toasoan.search",
    "toasoan.newsroom",
    "toasoan.importer",
    "captcha",
    "axes",
    "csp",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

# The page cache answers stored pages before sessions and routing; what wraps it
# (security headers, conditional GET) applies to stored and built pages alike.
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "csp.middleware.CSPMiddleware",
    "toasoan.importer.middleware.OldLinkRedirectMiddleware",
    "toasoan.news.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "toasoan.urls"
WSGI_APPLICATION = "toasoan.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Databases: SQLite under the data dir unless TOASOAN_DATABASE_URL says otherwise.
DATABASE_URL = os.environ.get("TOASOAN_DATABASE_URL", "")
if DATABASE_URL:
    # Health checks: a connection kept from before a database restart is replaced at
    # the next request instead of failing it.
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60,
                                                  conn_health_checks=True)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "toasoan.sqlite3",
            "OPTIONS": {
                # WAL lets readers (several server workers) run beside one writer.
                # A 64 MB page cache (the default is 2 MB) keeps the search index's
                # hot pages in memory; it is only filled as pages are read.
                "init_command": (
                    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;"
                ),
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
            # Kept open between requests: opening one costs more than serving a stored
            # page (its pragmas, and the page cache above starts empty each time).
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = os.environ.get("TOASOAN_REDIS_URL", "")
# "shared" holds what every server process must see alike (rate-limit counters,
# job locks): Redis when there is one, else a table in the database.
if REDIS_URL:
    # Redis down or unreachable costs at most these timeouts a request. The default
    # cache (stored pages, image renditions) then answers "not kept" and pages are
    # built from the database; the shared one (the page cache's clock and tags) must
    # not pretend, and its one user, `news.pagecache`, keeps nothing while it fails.
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "toasoan",
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.5,
                        "SOCKET_TIMEOUT": 1},
        },
        "shared": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "toasoan-shared",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        },
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
        "shared": {
            "BACKEND": "toasoan.sharedcache.DatabaseCache",
            "LOCATION": "toasoan_shared_cache",
        },
    }

# Behind a TLS-terminating proxy (nginx). TOASOAN_HTTPS (on when the base URL is
# https) trusts the proxy's X-Forwarded-Proto, redirects plain HTTP (but not the
# health check), marks cookies Secure and sends HSTS. TOASOAN_PROXY_COUNT is how
# many proxies append to X-Forwarded-For in front of the app (toasoan.clientip).
HTTPS = env_bool("TOASOAN_HTTPS", BASE_URL.startswith("https://"))
PROXY_COUNT = int(os.environ.get("TOASOAN_PROXY_COUNT", "0"))
CSRF_TRUSTED_ORIGINS = ["{0.scheme}://{0.netloc}".format(urlsplit(BASE_URL))]
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = int(os.environ.get("TOASOAN_HSTS_SECONDS", str(365 * 24 * 3600)))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("TOASOAN_HSTS_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("TOASOAN_HSTS_PRELOAD", True)

# Public pages may load scripts, styles and images from the site itself only, and
# run no inline script (the admin, Wagtail's, is left out).
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    },
}

# Password guessing at the admin login: 5 failures lock that user name, and
# separately that address, for 15 minutes (django-axes; the attempts are rows in
# the database, so every server sees them).
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "toasoan.clientip.client_ip"
AXES_LOCKOUT_TEMPLATE = "newsroom/locked_out.html"
WAGTAILADMIN_USER_LOGIN_FORM = "toasoan.newsroom.login.LoginForm"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
# Vietnamese dates are day first, and Wagtail's pickers write `09/01/2026 16:04`;
# Django's `vi` formats would read 09/01 as 1 September.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%H:%M %d/%m/%Y", "%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S",
]
TIME_INPUT_FORMATS = ["%H:%M", "%H:%M:%S"]
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
FORMAT_MODULE_PATH = ["toasoan.formats"]

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "toasoan.storage.MediaStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Media is served by the app only in the single-machine setup; behind nginx it is
# served from MEDIA_ROOT directly (docs/deployment.md).
SERVE_MEDIA = env_bool("TOASOAN_SERVE_MEDIA", True)

# nginx front caches to purge on change (`toasoan.news.frontcache`), as the address
# where each answers PURGE requests: "http://127.0.0.1:8080,http://10.0.0.5:8080".
FRONT_CACHES = env_list("TOASOAN_FRONT_CACHES", "")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"toasoan": {"level": "INFO"}},
}

# Wagtail
WAGTAIL_SITE_NAME = "toasoan"
WAGTAIL_I18N_ENABLED = False
# Government networks block outside services, and the admin must not call home.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Nor send a hash of every editor's e-mail address to gravatar.com for avatars.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("vi", "Tiếng Việt")]
# Editing an article during approval sends it back to the first step; the approvers
# approve what is published, not an earlier version of it.
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "xls", "xlsx", "odt", "ods", "ppt", "pptx", "zip"]
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "toasoan.search.backend"}}
# The page models index their titles folded (toasoan.search.fields) instead of
# Wagtail's own title field, which is what this check looks for.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]

# View counting: buffered in each server process and written every few seconds.
VIEW_FLUSH_SECONDS = float(os.environ.get("TOASOAN_VIEW_FLUSH_SECONDS", "5"))
# Periodic jobs (toasoan.newsroom.scheduler): how often the job lease is renewed and
# scheduled publishing checked; whether web processes run them too (set to 0 when a
# separate `toasoan worker` runs them; both at once is also safe).
JOB_SECONDS = float(os.environ.get("TOASOAN_JOB_SECONDS", "10"))
SERVER_RUNS_JOBS = env_bool("TOASOAN_SERVER_JOBS", True)
MOST_READ_DAYS = 7

# One tag whatever its case: `Xây dựng Đảng` is `xây dựng Đảng`.
TAGGIT_CASE_INSENSITIVE = True
TAGGIT_TAGS_FROM_STRING = "toasoan.news.tagging.split_tags"
TAGGIT_STRING_FROM_TAGS = "toasoan.news.tagging.join_tags"

# Comments: an image captcha valid for 5 minutes and one attempt (django-simple-captcha
# >= 0.7 deletes the challenge on any answer). Its test mode is never enabled here.
CSRF_FAILURE_VIEW = "toasoan.comments.views.csrf_failure"
CAPTCHA_TIMEOUT = 5
CAPTCHA_LENGTH = 5
CAPTCHA_IMAGE_SIZE = (150, 50)
CAPTCHA_FONT_SIZE = 36
EMAIL_BACKEND = os.environ.get(
    "TOASOAN_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = os.environ.get("TOASOAN_FROM_EMAIL", "toasoan@localhost")
EMAIL_HOST = os.environ.get("TOASOAN_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("TOASOAN_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("TOASOAN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("TOASOAN_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = env_bool("TOASOAN_EMAIL_USE_TLS")
