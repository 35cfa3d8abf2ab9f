"""The editors' list of imported articles whose letters were lost in their source."""

from wagtail.admin.views.reports import ReportView

from toasoan.news.models import ArticlePage

from .models import ImportedItem


class DamagedImportsView(ReportView):
    page_title = "Bài nhập cần kiểm tra"
    header_icon = "warning"
    results_template_name = "importer/damaged_results.html"
    index_url_name = "importer_damaged"
    index_results_url_name = "importer_damaged_results"

    def get_queryset(self):
        return (ImportedItem.objects.filter(kind=ImportedItem.Kind.ARTICLE)
                .exclude(damage=[]).order_by("-imported_at"))

    def decorate_paginated_queryset(self, items):
        pages = ArticlePage.objects.in_bulk([item.object_id for item in items])
        for item in items:
            item.page = pages.get(item.object_id)
        return [item for item in items if item.page]
