from django.conf import settings
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from toasoan import converters  # noqa: F401  (registers <page_id:>)
from toasoan.news import feeds, sitemaps
from toasoan.news import views as news_views

handler500 = "toasoan.errors.server_error"

urlpatterns = [
    path("healthz", news_views.healthz, name="healthz"),
    path("robots.txt", news_views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemaps.index, name="sitemap"),
    path("sitemap-sections.xml", sitemaps.sections, name="sitemap_sections"),
    path("sitemap-articles.xml", sitemaps.articles, name="sitemap_articles"),
    re_path(r"^sitemap-articles-(?P<number>[2-9]|[1-9][0-9]+)\.xml$", sitemaps.articles),
    path("sitemap-news.xml", sitemaps.news, name="sitemap_news"),
    path("api/luot-xem/<page_id:page_id>/", news_views.article_views, name="article_views"),
    path("", include("toasoan.comments.urls")),
    path("", include("toasoan.search.urls")),
    path("captcha/", include("captcha.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("tai-lieu/", include(wagtaildocs_urls)),
]

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += [
    # The home page's and each section's feed (their `rss.xml` route).
    re_path(r"^((?:[\w\-]+/)*)rss\.xml$", feeds.serve, name="rss"),
    path("", include(wagtail_urls)),
]
