"""Search fields whose indexed text is folded (see `backend.py`)."""

import contextvars
from contextlib import contextmanager

from wagtail.blocks import StreamValue
from wagtail.search import index

from toasoan.text import fold

from .body_text import body_text

# PostgreSQL refuses a tsvector over 1 MB (and the failed insert aborts the
# publishing transaction); 100,000 characters of a field are plenty to find it by.
MAX_CHARS = 100_000

_computed = contextvars.ContextVar("toasoan_search_values", default=None)


@contextmanager
def each_value_once():
    """Within it, each field of each object is read and folded once. The database
    backend's indexer asks every field three times (for the title, the body and the
    autocomplete texts); a bulk import can't afford three passes over every body."""
    token = _computed.set({})
    try:
        yield
    finally:
        _computed.reset(token)


def _folded(value):
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "\n".join(str(item) for item in value)
    return fold(str(value)[:MAX_CHARS])


def _once(field, obj, compute):
    computed = _computed.get()
    if computed is None:
        return compute()
    key = (id(field), id(obj))
    # The object is kept beside its value so that its id can't be reused meanwhile.
    if key not in computed or computed[key][0] is not obj:
        computed[key] = (obj, compute())
    return computed[key][1]


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        return _once(self, obj, lambda: _folded(self._text(obj)))

    def _text(self, obj):
        value = getattr(obj, self.field_name, None)
        if isinstance(value, StreamValue):
            return body_text(value)  # the public index's reading, without html.parser
        return super().get_value(obj)


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return _once(self, obj, lambda: _folded(super(FoldedAutocompleteField, self)
                                                .get_value(obj)))


def folded(search_fields):
    """`search_fields` with every search and autocomplete field folded."""
    swapped = []
    for field in search_fields:
        if type(field) is index.SearchField:
            field = FoldedSearchField(field.field_name, boost=field.boost, **field.kwargs)
        elif type(field) is index.AutocompleteField:
            field = FoldedAutocompleteField(field.field_name, **field.kwargs)
        swapped.append(field)
    return swapped
