"""Running a parsed query against the index, the same way on SQLite and PostgreSQL.

Matching uses the database's full-text index over folded words (every unit must
be there; a phrase as a phrase). Ranking is the same expression on both, in order:
1. how many of the words the reader wrote with marks appear with those marks
   (`dâng` above `đăng`), 2. where each unit was found (title 4, lead 2,
   elsewhere 1, summed), 3. newer first.
"""

from datetime import datetime, time

from django.db import connection
from django.db.models import BooleanField, Case, IntegerField, Q, Value, When
from django.db.models.expressions import RawSQL
from wagtail.models import PageViewRestriction

from toasoan.text.formats import VIETNAM

from .models import SearchDocument
from .query import Query, Unit

# Ranking by the reader's own marks looks up each marked word in the index; a few
# are enough to order the results.
MAX_MARKED_WORDS = 6

_FOLDED_COLUMNS = "{title_words lead_words body_words extra_words}"
_TABLE = SearchDocument._meta.db_table
_FTS_MATCH = "SELECT rowid FROM search_fts WHERE search_fts MATCH %s"


def _fts_phrase(words) -> str:
    return '"' + " ".join(words) + '"'


def _tsquery_phrase(words, weights) -> str:
    return "(" + " <-> ".join(f"{word}:{weights}" for word in words) + ")"


def _matches(units) -> Q:
    if connection.vendor == "postgresql":
        tsquery = " & ".join(_tsquery_phrase(unit.words, "ABC") for unit in units)
        return Q(
            RawSQL(
                f"{_TABLE}.vector @@ to_tsquery('simple', %s)",
                [tsquery],
                output_field=BooleanField(),
            )
        )
    phrases = " AND ".join(_fts_phrase(unit.words) for unit in units)
    return Q(page_id__in=RawSQL(_FTS_MATCH, [f"{_FOLDED_COLUMNS} : ({phrases})"]))


def _has_telex_key(key: str) -> Q:
    if connection.vendor == "postgresql":
        return Q(
            RawSQL(
                f"{_TABLE}.vector @@ to_tsquery('simple', %s)",
                [f"{key}:D"],
                output_field=BooleanField(),
            )
        )
    return Q(page_id__in=RawSQL(_FTS_MATCH, [f"telex : {_fts_phrase([key])}"]))


def _place_score(unit: Unit):
    phrase = f" {' '.join(unit.words)} "
    return Case(
        When(title_words__contains=phrase, then=Value(4)),
        When(lead_words__contains=phrase, then=Value(2)),
        default=Value(1),
        output_field=IntegerField(),
    )


def _marks_score(units):
    keys = []
    for unit in units:
        keys.extend(key for key in unit.marked_keys if key not in keys)
    scores = [
        Case(When(_has_telex_key(key), then=1), default=0, output_field=IntegerField())
        for key in keys[:MAX_MARKED_WORDS]
    ]
    return sum(scores[1:], scores[0]) if scores else Value(0, output_field=IntegerField())


def _restricted(documents):
    """Articles under a page with a view restriction never show in public search."""
    paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
    if paths:
        hidden = Q()
        for path in paths:
            hidden |= Q(page__path__startswith=path)
        documents = documents.exclude(hidden)
    return documents


def search(query: Query, section_ids=None, date_from=None, date_to=None):
    """The matching documents of `query`, best first (a lazy queryset)."""
    documents = SearchDocument.objects.filter(_matches(query.units))
    if section_ids:
        documents = documents.filter(section_id__in=section_ids)
    if date_from:
        documents = documents.filter(
            published_at__gte=datetime.combine(date_from, time.min, tzinfo=VIETNAM)
        )
    if date_to:
        documents = documents.filter(
            published_at__lte=datetime.combine(date_to, time.max, tzinfo=VIETNAM)
        )
    documents = _restricted(documents)
    places = [_place_score(unit) for unit in query.units]
    return (
        documents.annotate(marks=_marks_score(query.units), place=sum(places[1:], places[0]))
        .order_by("-marks", "-place", "-published_at", "-page_id")
        .select_related("page", "section")
    )
