from django.shortcuts import render

from toasoan.news.models import paginate

from . import engine
from .forms import SearchForm
from .query import MAX_LENGTH, MAX_UNITS, parse
from .snippets import highlight, snippet

PER_PAGE = 10


class Hits:
    """Search results in the shape Django's Paginator pages through."""

    def __init__(self, documents, query, request):
        self.documents, self.query, self.request = documents, query, request

    def count(self):
        return self.documents.count()

    def __getitem__(self, window):
        units = self.query.units
        return [
            {
                "url": document.page.get_url(self.request),
                "title": highlight(document.title, units),
                "section": document.section,
                "published_at": document.published_at,
                "snippet": snippet([document.lead, document.body, document.extra], units),
            }
            for document in self.documents[window]
        ]


def search(request):
    data = request.GET.copy()
    data["q"] = data.get("q", "").replace("\x00", " ")  # nothing to find in it; not an error
    form = SearchForm(data)
    filtered = any(data.get(name) for name in ("chuyen_muc", "tu_ngay", "den_ngay"))
    context = {"form": form, "max_length": MAX_LENGTH, "max_units": MAX_UNITS, "filtered": filtered}
    if not form.is_valid():
        return render(request, "search/search.html", context, status=400)
    query = parse(form.cleaned_data["q"])
    context["query"] = query
    if query:
        filters = {
            "section_ids": form.section_ids(),
            "date_from": form.cleaned_data["tu_ngay"],
            "date_to": form.cleaned_data["den_ngay"],
        }
        documents = engine.search(query, **filters)
        if not documents.exists() and (telex := query.read_as_telex()):
            telex_documents = engine.search(telex, **filters)
            if telex_documents.exists():
                query, documents = telex, telex_documents
                context["read_as_telex"] = True
        context["results"] = paginate(request, Hits(documents, query, request), PER_PAGE)
        context["more_than_counted"] = documents.more_than_counted
    return render(request, "search/search.html", context)
