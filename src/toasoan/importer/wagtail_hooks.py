from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .views import DamagedImportsView


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("nhap/can-kiem-tra/", DamagedImportsView.as_view(), name="importer_damaged"),
        path("nhap/can-kiem-tra/ket-qua/", DamagedImportsView.as_view(results_only=True),
             name="importer_damaged_results"),
    ]


@hooks.register("register_reports_menu_item")
def register_menu_item():
    return MenuItem("Bài nhập cần kiểm tra", reverse("importer_damaged"),
                    name="importer-damaged", icon_name="warning", order=950)
