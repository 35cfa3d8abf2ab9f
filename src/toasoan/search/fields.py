"""Search fields whose indexed text is folded (see `backend.py`)."""

from wagtail.search import index

from toasoan.text import fold

# PostgreSQL refuses a tsvector over 1 MB (and the failed insert aborts the
# publishing transaction); 100,000 characters of a field are plenty to find it by.
MAX_CHARS = 100_000


def _folded(value):
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        value = "\n".join(str(item) for item in value)
    return fold(str(value)[:MAX_CHARS])


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        return _folded(super().get_value(obj))


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return _folded(super().get_value(obj))


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
