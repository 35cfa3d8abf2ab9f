"""Running a parsed query against the index, the same way on SQLite and PostgreSQL.

Every unit of the query must match its folded words (a phrase as a phrase). The
matches are ranked in tiers, best first:

1. the words the reader wrote with marks all appear with those marks (`dâng`
   above `đăng`; a query typed without marks skips this split), in the title with
   the units; else in the title or lead with the units; else anywhere;
2. then the rest: every unit in the title; else in the title or the lead; else
   anywhere (body, captions, tags, authors);
3. within a tier, newer first.

Each tier is one full-text query whose index hands out documents newest first
(`SearchDocument.sort_key`), so a page of results costs a few index lookups that
stop after the page, however many articles match. Counts stop at `COUNT_LIMIT`.
"""

import itertools
from dataclasses import dataclass
from datetime import datetime, time

from django.db import connection

from toasoan.text.formats import VIETNAM

from . import schema
from .models import SearchDocument, key_bounds
from .query import Query

COUNT_LIMIT = 500
# What only the full-text index reads; a results page shows the text as written.
INDEX_ONLY_FIELDS = ("title_words", "lead_words", "body_words", "extra_words",
                     "telex", "title_telex", "lead_telex")
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


# The places a tier looks in, narrowest first: each holds the one before it.
PLACES = ("title", "head", "all")


def matching(dialect, query):
    return dialect.words("all", dialect.units(query))


def tiers(dialect, query):
    """The ranking tiers as the dialect's conditions, best first; together they
    match exactly what `dialect.words("all", ...)` matches, each article once."""
    units = dialect.units(query)
    found = [dialect.words(place, units) for place in PLACES]
    by_place = _narrowest_first(dialect, found)
    keys = _marked_keys(query)
    if not keys:
        return by_place
    # The words typed with marks, in the same place the words are found.
    marked = [dialect.both(words, dialect.marks(place, keys))
              for words, place in zip(found, PLACES, strict=True)]
    anywhere = dialect.marks("all", keys)
    return _narrowest_first(dialect, marked) + [
        dialect.but_not(tier, anywhere) for tier in by_place
    ]


def _narrowest_first(dialect, nested):
    return [nested[0]] + [dialect.but_not(wider, narrower)
                          for narrower, wider in itertools.pairwise(nested)]


@dataclass(frozen=True)
class Fts:
    """Rows of the FTS5 table `table` matching `expression`, less the rows matching
    each of `excluded` (in other tables: one table's expression cannot name another's
    columns)."""

    table: str
    expression: str
    excluded: tuple["Fts", ...] = ()


class SQLiteTiers:
    """FTS5 expressions over `search_fts` (everything) and `search_head_fts` (title and
    lead), `schema.SQLITE_TABLES`."""

    WORDS = {
        "title": Fts(schema.HEAD_TABLE, "{title_words}"),
        "head": Fts(schema.HEAD_TABLE, "{title_words lead_words}"),
        "all": Fts("search_fts", "{title_words lead_words body_words extra_words}"),
    }
    MARKS = {
        "title": Fts(schema.HEAD_TABLE, "{title_telex}"),
        "head": Fts(schema.HEAD_TABLE, "{title_telex lead_telex}"),
        "all": Fts("search_fts", "{telex}"),
    }
    # FTS5 reads a word's whole list whatever the columns asked: a narrower count
    # first would only add to the cost.
    COUNT_PLACES = ("all",)

    @staticmethod
    def units(query):
        return " AND ".join('"' + " ".join(unit.words) + '"' for unit in query.units)

    def words(self, place, units):
        columns = self.WORDS[place]
        return Fts(columns.table, f"{columns.expression} : ({units})")

    def marks(self, place, keys):
        columns = self.MARKS[place]
        keys = " AND ".join(f'"{key}"' for key in keys)
        return Fts(columns.table, f"{columns.expression} : ({keys})")

    @staticmethod
    def both(first, second):
        assert first.table == second.table and not (first.excluded or second.excluded)
        return Fts(first.table, f"({first.expression}) AND ({second.expression})")

    @staticmethod
    def but_not(first, second):
        assert not second.excluded
        if second.table == first.table:
            return Fts(first.table, f"({first.expression}) NOT ({second.expression})",
                       first.excluded)
        return Fts(first.table, first.expression, (*first.excluded, second))

    def select(self, condition, filters: Filters):
        table = condition.table
        sql, params = f"SELECT rowid FROM {table} WHERE {table} MATCH %s", [condition.expression]
        for other in condition.excluded:
            # Checked row by row, by rowid: a seek in each of the other table's lists.
            sql += (f" AND NOT EXISTS (SELECT 1 FROM {other.table} WHERE {other.table}"
                    f" MATCH %s AND {other.table}.rowid = {table}.rowid)")
            params.append(other.expression)
        sql, params = filters.key_range(sql, params, f"{table}.rowid")
        if filters.section_ids:
            marks = ", ".join(["%s"] * len(filters.section_ids))
            sql += (
                f" AND {table}.rowid IN (SELECT sort_key FROM {SearchDocument._meta.db_table}"
                f" WHERE section_id IN ({marks}))"
            )
            params.extend(filters.section_ids)
        return sql, params, f"{table}.rowid"


class PostgresTiers:
    """(sql, params) conditions on the generated vectors (`schema.POSTGRES_VECTORS`)."""

    WORDS = {"title": "title_vector", "head": "head_vector", "all": "vector"}
    MARKS = {"title": "title_telex_vector", "head": "head_telex_vector", "all": "telex_vector"}
    # Each place has its own index: a common query passes the limit within the
    # titles, whose lists are a fraction of the whole articles'.
    COUNT_PLACES = PLACES

    @staticmethod
    def units(query):
        return " & ".join("(" + " <-> ".join(unit.words) + ")" for unit in query.units)

    @staticmethod
    def _match(column, tsquery):
        return f"{column} @@ to_tsquery('simple', %s)", [tsquery]

    def words(self, place, units):
        return self._match(self.WORDS[place], units)

    def marks(self, place, keys):
        return self._match(self.MARKS[place], " & ".join(keys))

    @staticmethod
    def both(first, second):
        return f"({first[0]}) AND ({second[0]})", [*first[1], *second[1]]

    @staticmethod
    def but_not(first, second):
        return f"({first[0]}) AND NOT ({second[0]})", [*first[1], *second[1]]

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
            # Counting reads every match up to the limit; where the dialect has an
            # index per place, a narrower place that already passes it is enough.
            units = self.dialect.units(self.query)
            for place in self.dialect.COUNT_PLACES:
                condition = self.dialect.words(place, units)
                self._total = _count(self.dialect, condition, self.filters, COUNT_LIMIT + 1)
                if self._total > COUNT_LIMIT:
                    break
        return self._total

    def count(self) -> int:
        return min(self.total, COUNT_LIMIT)

    def keys(self, offset: int, limit: int) -> list[int]:
        """The sort keys of ranked results offset..offset+limit, tier by tier."""
        keys = []
        for tier in tiers(self.dialect, self.query):
            wanted = limit - len(keys)
            if wanted <= 0:
                break
            in_tier = _keys(self.dialect, tier, self.filters, offset + wanted, 0)
            keys += in_tier[offset:]
            offset = max(0, offset - len(in_tier))
        return keys

    def documents(self, offset: int, limit: int) -> list[SearchDocument]:
        keys = self.keys(offset, limit)
        found = (
            SearchDocument.objects.filter(sort_key__in=keys)
            .defer(*INDEX_ONLY_FIELDS)
            .select_related("page", "section")
        )
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
