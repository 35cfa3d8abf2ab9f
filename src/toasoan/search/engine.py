"""Running a parsed query against the index, the same way on SQLite and PostgreSQL.

Every unit of the query must match its folded words (a phrase as a phrase). The
matches are ranked in tiers, best first:

1. the words the reader wrote with marks all appear with those marks (`dâng`
   above `đăng`; a query typed without marks skips this split);
2. within that, every unit is in the title; else every unit is in the title or
   the lead; else the units are found anywhere (body, captions, tags, authors);
3. within a tier, newer first.

Each tier is one full-text query whose index hands out documents newest first
(`SearchDocument.sort_key`), so a page of results costs a few index lookups that
stop after the page, however many articles match. Counts stop at `COUNT_LIMIT`.
"""

from dataclasses import dataclass
from datetime import datetime, time

from django.db import connection

from toasoan.text.formats import VIETNAM

from .models import SearchDocument, key_bounds
from .query import Query

COUNT_LIMIT = 500
# The words typed with marks that decide the first split; a few are plenty.
MAX_MARKED_WORDS = 6


@dataclass(frozen=True)
class Filters:
    section_ids: tuple[int, ...] = ()
    low_key: int | None = None
    high_key: int | None = None

    @classmethod
    def build(cls, section_ids=None, date_from=None, date_to=None):
        start = datetime.combine(date_from, time.min, tzinfo=VIETNAM) if date_from else None
        end = datetime.combine(date_to, time.max, tzinfo=VIETNAM) if date_to else None
        low, high = key_bounds(start, end)
        return cls(tuple(section_ids or ()), low, high)

    def key_range(self, sql, params, column):
        """`sql` narrowed to the date range, as bounds on the sort key `column`."""
        if self.low_key is not None:
            sql, params = f"{sql} AND {column} >= %s", [*params, self.low_key]
        if self.high_key is not None:
            sql, params = f"{sql} AND {column} <= %s", [*params, self.high_key]
        return sql, params


def _marked_keys(query: Query) -> list[str]:
    keys = []
    for unit in query.units:
        keys.extend(key for key in unit.marked_keys if key not in keys)
    return keys[:MAX_MARKED_WORDS]


class SQLiteTiers:
    """FTS5 expressions over the `search_fts` table (migration 0002)."""

    ALL = "{title_words lead_words body_words extra_words}"
    TITLE_OR_LEAD = "{title_words lead_words}"
    TITLE = "{title_words}"

    @staticmethod
    def _units(query, columns):
        phrases = " AND ".join('"' + " ".join(unit.words) + '"' for unit in query.units)
        return f"{columns} : ({phrases})"

    def matching(self, query):
        return self._units(query, self.ALL)

    def tiers(self, query):
        title, title_or_lead, anywhere = (
            self._units(query, columns) for columns in (self.TITLE, self.TITLE_OR_LEAD, self.ALL)
        )
        places = [title, f"({title_or_lead}) NOT ({title})", f"({anywhere}) NOT ({title_or_lead})"]
        keys = _marked_keys(query)
        if not keys:
            return places
        marks = "telex : (" + " AND ".join(f'"{key}"' for key in keys) + ")"
        return [f"({place}) AND ({marks})" for place in places] + [
            f"({place}) NOT ({marks})" for place in places
        ]

    def select(self, expression, filters: Filters):
        sql, params = filters.key_range("SELECT rowid FROM search_fts WHERE search_fts MATCH %s",
                                        [expression], "rowid")
        if filters.section_ids:
            marks = ", ".join(["%s"] * len(filters.section_ids))
            sql += (
                f" AND rowid IN (SELECT sort_key FROM {SearchDocument._meta.db_table}"
                f" WHERE section_id IN ({marks}))"
            )
            params.extend(filters.section_ids)
        return sql, params, "rowid"


class PostgresTiers:
    """Conditions on the generated vectors (migration 0003): `title_vector`,
    `head_vector` (title and lead), `vector` (everything) and `telex_vector`."""

    @staticmethod
    def _units(query):
        return " & ".join(
            "(" + " <-> ".join(unit.words) + ")" for unit in query.units
        )

    @staticmethod
    def _match(column, tsquery, negate=False):
        sql = f"{column} @@ to_tsquery('simple', %s)"
        return (f"NOT ({sql})" if negate else sql), [tsquery]

    def _all(self, *conditions):
        return (
            " AND ".join(sql for sql, _params in conditions),
            [param for _sql, params in conditions for param in params],
        )

    def matching(self, query):
        return self._match("vector", self._units(query))

    def tiers(self, query):
        units = self._units(query)
        places = [
            self._match("title_vector", units),
            self._all(self._match("head_vector", units),
                      self._match("title_vector", units, negate=True)),
            self._all(self._match("vector", units),
                      self._match("head_vector", units, negate=True)),
        ]
        keys = _marked_keys(query)
        if not keys:
            return places
        marks = " & ".join(keys)
        return [self._all(place, self._match("telex_vector", marks)) for place in places] + [
            self._all(place, self._match("telex_vector", marks, negate=True)) for place in places
        ]

    def select(self, condition, filters: Filters):
        where, params = condition
        sql, params = filters.key_range(
            f"SELECT sort_key FROM {SearchDocument._meta.db_table} WHERE {where}",
            list(params),
            "sort_key",
        )
        if filters.section_ids:
            sql += " AND section_id = ANY(%s)"
            params.append(list(filters.section_ids))
        return sql, params, "sort_key"


def _dialect():
    return PostgresTiers() if connection.vendor == "postgresql" else SQLiteTiers()


def _count(dialect, condition, filters, limit) -> int:
    sql, params, _key = dialect.select(condition, filters)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM ({sql} LIMIT %s) AS matches", [*params, limit])
        return cursor.fetchone()[0]


def _keys(dialect, condition, filters, limit, offset) -> list[int]:
    sql, params, key = dialect.select(condition, filters)
    with connection.cursor() as cursor:
        cursor.execute(f"{sql} ORDER BY {key} DESC LIMIT %s OFFSET %s", [*params, limit, offset])
        return [row[0] for row in cursor.fetchall()]


class Search:
    """The results of one query: a count (up to COUNT_LIMIT) and any slice of the
    ranked documents, in the shape Django's Paginator pages through."""

    def __init__(self, query: Query, **filters):
        self.query = query
        self.filters = Filters.build(**filters)
        self.dialect = _dialect()
        self._total = None

    def exists(self) -> bool:
        return self.total > 0

    @property
    def more_than_counted(self) -> bool:
        return self.total > COUNT_LIMIT

    @property
    def total(self) -> int:
        if self._total is None:
            matching = self.dialect.matching(self.query)
            self._total = _count(self.dialect, matching, self.filters, COUNT_LIMIT + 1)
        return self._total

    def count(self) -> int:
        return min(self.total, COUNT_LIMIT)

    def keys(self, offset: int, limit: int) -> list[int]:
        """The sort keys of ranked results offset..offset+limit, tier by tier."""
        keys = []
        for tier in self.dialect.tiers(self.query):
            wanted = limit - len(keys)
            if wanted <= 0:
                break
            in_tier = _keys(self.dialect, tier, self.filters, offset + wanted, 0)
            keys += in_tier[offset:]
            offset = max(0, offset - len(in_tier))
        return keys

    def documents(self, offset: int, limit: int) -> list[SearchDocument]:
        keys = self.keys(offset, limit)
        found = SearchDocument.objects.filter(sort_key__in=keys).select_related("page", "section")
        by_key = {document.sort_key: document for document in found}
        return [by_key[key] for key in keys if key in by_key]

    def __iter__(self):
        return iter(self.documents(0, COUNT_LIMIT))

    def __getitem__(self, window: slice | int):
        if isinstance(window, int):
            return self.documents(window, 1)[0]
        start = window.start or 0
        stop = min(window.stop if window.stop is not None else COUNT_LIMIT, COUNT_LIMIT)
        return self.documents(start, max(0, stop - start))


def search(query: Query, section_ids=None, date_from=None, date_to=None) -> Search:
    return Search(query, section_ids=section_ids, date_from=date_from, date_to=date_to)
