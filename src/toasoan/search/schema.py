"""The database-specific full-text index over `SearchDocument`.

SQLite: FTS5 tables whose content is the documents table, kept in step by
triggers (a phrase never spans two columns): one over everything, one over the
title and lead. PostgreSQL: generated tsvector
columns, one per ranking tier for the folded words (the title; title and lead;
everything) and for the Telex keys (the same three), all with the `simple`
configuration (the text is folded before it gets here), each with a GIN index.
Both are read newest first through `sort_key`.

The statements are built by functions of the column lists so that each migration
can keep the columns it had (0002, 0003) while the current ones live here (0004).
"""

COLUMNS = (
    "title_words", "lead_words", "body_words", "extra_words",
    "title_telex", "lead_telex", "telex",
)


# The title and lead again, in a table of their own: its word lists are a tenth of
# the whole articles' (FTS5 reads a word's whole list whatever columns a query
# names), so the tiers that look in the title or the lead read little.
HEAD_TABLE = "search_head_fts"
HEAD_COLUMNS = ("title_words", "lead_words", "title_telex", "lead_telex")


def sqlite_table(columns=COLUMNS, name="search_fts"):
    return f"""CREATE VIRTUAL TABLE {name} USING fts5({", ".join(columns)},
    content='search_searchdocument', content_rowid='sort_key',
    tokenize='unicode61 remove_diacritics 0')"""


def sqlite_triggers(columns=COLUMNS, name="search_fts"):
    names = ", ".join(columns)
    new = ", ".join(f"new.{column}" for column in columns)
    old = ", ".join(f"old.{column}" for column in columns)
    return [
        f"""CREATE TRIGGER {name}_insert AFTER INSERT ON search_searchdocument BEGIN
            INSERT INTO {name}(rowid, {names}) VALUES (new.sort_key, {new});
        END""",
        f"""CREATE TRIGGER {name}_delete AFTER DELETE ON search_searchdocument BEGIN
            INSERT INTO {name}({name}, rowid, {names})
            VALUES ('delete', old.sort_key, {old});
        END""",
        f"""CREATE TRIGGER {name}_update AFTER UPDATE ON search_searchdocument BEGIN
            INSERT INTO {name}({name}, rowid, {names})
            VALUES ('delete', old.sort_key, {old});
            INSERT INTO {name}(rowid, {names}) VALUES (new.sort_key, {new});
        END""",
    ]


def sqlite_drop_triggers(name="search_fts"):
    return [f"DROP TRIGGER {name}_{event}" for event in ("update", "delete", "insert")]


def sqlite_rebuild(name="search_fts"):
    # Rebuilding everything: the triggers would tokenise every old row to delete it.
    return f"INSERT INTO {name}({name}) VALUES ('rebuild')"


# FTS5 keeps the rows it is given in memory (up to `hashsize` bytes, 1 MB by default)
# and writes them out as one segment, merged with others later; a rowid lower than the
# previous one writes them out at once. 'rebuild' reads the documents in table (page
# id) order, whose sort keys go back and forth, so it wrote thousands of small
# segments to merge. Given in sort key order, with a larger buffer, the same index is
# written in a few large segments: at 100,000 articles both tables filled in 44 s
# instead of 86.
BULK_HASHSIZE = 64 * 2**20
DEFAULT_HASHSIZE = 2**20


def sqlite_refill(columns=COLUMNS, name="search_fts"):
    """Fill the index afresh from every document, in sort key order (for `rebuild`,
    with the triggers dropped)."""
    names = ", ".join(columns)
    return [
        f"INSERT INTO {name}({name}) VALUES ('delete-all')",
        f"INSERT INTO {name}({name}, rank) VALUES ('hashsize', {BULK_HASHSIZE})",
        f"INSERT INTO {name}(rowid, {names})"
        f" SELECT sort_key, {names} FROM search_searchdocument ORDER BY sort_key",
        f"INSERT INTO {name}({name}, rank) VALUES ('hashsize', {DEFAULT_HASHSIZE})",
    ]


# Each FTS table and its columns, as they are now.
SQLITE_TABLES = {"search_fts": COLUMNS, HEAD_TABLE: HEAD_COLUMNS}
SQLITE_DROP_TRIGGERS = sqlite_drop_triggers()
SQLITE_REBUILD = sqlite_rebuild()

# `||`-joined text numbers each field's words straight after the previous one's, so a
# phrase could match across two fields ("…xã Yên Trạch" + "Nông dân…"). Each field
# ends with a placeholder word, deleted afterwards, which leaves a gap in the numbering.
_GAP = "toasoanfieldgap"


def _vector(*columns):
    text = f" || ' {_GAP} ' || ".join(columns)
    return f"ts_delete(to_tsvector('simple', {text}), '{_GAP}'::text)"


# One vector per ranking tier, each with its own GIN index and statistics, so that a
# tier that matches few articles ("all four words in the title") is found through its
# index instead of by testing every article newest first. The Telex keys have their
# own: a reader's `ddawng` must not match them as if it were a word of the text; and
# one per tier, so that checking the marks of a title match reads the title's keys,
# not the whole article's.
POSTGRES_VECTORS = {
    "title_vector": "to_tsvector('simple', title_words)",
    "head_vector": _vector("title_words", "lead_words"),
    "vector": _vector("title_words", "lead_words", "body_words", "extra_words"),
    "telex_vector": "to_tsvector('simple', telex)",
    "title_telex_vector": "to_tsvector('simple', title_telex)",
    "head_telex_vector": "to_tsvector('simple', title_telex || ' ' || lead_telex)",
}


def postgres_create(columns):
    return [
        f"ALTER TABLE search_searchdocument ADD COLUMN {column} tsvector"
        f" GENERATED ALWAYS AS ({POSTGRES_VECTORS[column]}) STORED"
        for column in columns
    ] + [
        f"CREATE INDEX search_{column} ON search_searchdocument USING gin ({column})"
        for column in columns
    ]


def postgres_drop(columns):
    return [f"DROP INDEX search_{column}" for column in columns] + [
        f"ALTER TABLE search_searchdocument DROP COLUMN {column}" for column in columns
    ]


# lz4 compresses the long columns several times faster than PostgreSQL's default
# (pglz): about 12 % more articles a second when the index is rebuilt. Servers built
# without lz4 keep pglz.
POSTGRES_LZ4 = [
    f"ALTER TABLE search_searchdocument ALTER COLUMN {column} SET COMPRESSION lz4"
    for column in ("body", "extra", "body_words", "extra_words", "telex",
                   "title_vector", "head_vector", "vector", "telex_vector")
]
