"""Wagtail's database search backend, reading and indexing folded Vietnamese.

The admin's page search (and anything else going through `.search()` or
`.autocomplete()`) finds `Xây dựng Đảng` from `xay dung dang`, `Đảng`, NFD text or
either tone placement: the searchable fields index `fold`ed text (see `fields.py`)
and every query string is folded the same way before Wagtail sees it. On
PostgreSQL the `simple` configuration then indexes the folded words as they are
(the default English configuration would stem them and drop `an` as a stop word).

Use as `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "toasoan.search.backend"}}`.
"""

import contextvars
from contextlib import contextmanager
from functools import cache

from modelsearch.backends.database import SearchBackend as database_backend
from modelsearch.query import And, Boost, Fuzzy, Not, Or, Phrase, PlainText

from toasoan.text import fold_words


def fold_query(query):
    """The same query with every string in it folded."""
    if isinstance(query, str):
        return " ".join(fold_words(query))
    if isinstance(query, (PlainText, Phrase, Fuzzy)):
        query.query_string = fold_query(query.query_string)
    elif isinstance(query, (And, Or)):
        query.subqueries = [fold_query(subquery) for subquery in query.subqueries]
    elif isinstance(query, (Not, Boost)):
        query.subquery = fold_query(query.subquery)
    return query


class FoldedQueries:
    def search(self, query, *args, **kwargs):
        return super().search(fold_query(query), *args, **kwargs)

    def autocomplete(self, query, *args, **kwargs):
        return super().autocomplete(fold_query(query), *args, **kwargs)


_norms_later = contextvars.ContextVar("toasoan_title_norms_later", default=None)


@contextmanager
def title_norms_once():
    """Within it, the indexes' title norms (a relevance weight that the database
    backend refreshes after every add, over its whole index) wait, and are refreshed
    once at the end. Adding 100,000 imported articles a few hundred at a time would
    otherwise scan the growing index a thousand times. An import that fails on the
    way leaves the new entries' norms to the next add, which refreshes them."""
    pending = {}
    token = _norms_later.set(pending)
    try:
        yield
    finally:
        _norms_later.reset(token)
    for index in pending.values():
        index._refresh_title_norms()


class NormsOnce:
    def _refresh_title_norms(self, full=False):
        pending = _norms_later.get()
        if pending is None or full:
            return super()._refresh_title_norms(full)
        pending[type(self)] = self
        return None


@cache
def _folding(backend_class):
    index_class = backend_class.index_class
    if hasattr(index_class, "_refresh_title_norms"):
        index_class = type(index_class.__name__, (NormsOnce, index_class), {})
    return type(f"Folded{backend_class.__name__}", (FoldedQueries, backend_class),
                {"index_class": index_class})


def SearchBackend(params):  # noqa: N802 (the name Wagtail looks up)
    params = {"SEARCH_CONFIG": "simple", **params}
    backend = database_backend(params)
    return _folding(type(backend))(params)
