from django.urls import path

from toasoan import converters  # noqa: F401  (registers <page_id:>)

from . import views

urlpatterns = [
    path("binh-luan/ma-xac-nhan/", views.challenge, name="comment_challenge"),
    path("binh-luan/bai/<page_id:page_id>/", views.comment_page, name="comment_page"),
    path("chinh-sach-du-lieu-ca-nhan/", views.privacy, name="privacy"),
]
