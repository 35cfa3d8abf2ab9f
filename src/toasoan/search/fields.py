"""Search fields whose indexed text is folded (see `backend.py`)."""

from wagtail.search import index

from toasoan.text import fold


def _folded(value):
    if value is None:
        return None
    if isinstance(value, str):
        return fold(value)
    if isinstance(value, (list, tuple)):
        return [_folded(item) for item in value]
    return fold(str(value))


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
