"""The database-specific full-text index over `SearchDocument` (see migration 0002).

SQLite: an FTS5 table whose content is the documents table, kept in step by
triggers (a phrase never spans two columns). PostgreSQL: generated tsvector
columns (the title; title and lead; everything; the Telex keys), all with the
`simple` configuration (the text is folded before it gets here), each with a GIN
index.
Both are read newest first through `sort_key`.
"""

COLUMNS = "title_words, lead_words, body_words, extra_words, telex"
_NEW = ", ".join(f"new.{column.strip()}" for column in COLUMNS.split(","))
_OLD = ", ".join(f"old.{column.strip()}" for column in COLUMNS.split(","))

SQLITE_TABLE = f"""CREATE VIRTUAL TABLE search_fts USING fts5({COLUMNS},
    content='search_searchdocument', content_rowid='sort_key',
    tokenize='unicode61 remove_diacritics 0')"""
SQLITE_TRIGGERS = [
    f"""CREATE TRIGGER search_fts_insert AFTER INSERT ON search_searchdocument BEGIN
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.sort_key, {_NEW});
    END""",
    f"""CREATE TRIGGER search_fts_delete AFTER DELETE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.sort_key, {_OLD});
    END""",
    f"""CREATE TRIGGER search_fts_update AFTER UPDATE ON search_searchdocument BEGIN
        INSERT INTO search_fts(search_fts, rowid, {COLUMNS})
        VALUES ('delete', old.sort_key, {_OLD});
        INSERT INTO search_fts(rowid, {COLUMNS}) VALUES (new.sort_key, {_NEW});
    END""",
]
SQLITE_DROP_TRIGGERS = [
    "DROP TRIGGER search_fts_update",
    "DROP TRIGGER search_fts_delete",
    "DROP TRIGGER search_fts_insert",
]
# Rebuilding everything: the triggers would tokenise every old row to delete it.
SQLITE_REBUILD = "INSERT INTO search_fts(search_fts) VALUES ('rebuild')"

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
# own: a reader's `ddawng` must not match them as if it were a word of the text.
POSTGRES_VECTORS = {
    "title_vector": "to_tsvector('simple', title_words)",
    "head_vector": _vector("title_words", "lead_words"),
    "vector": _vector("title_words", "lead_words", "body_words", "extra_words"),
    "telex_vector": "to_tsvector('simple', telex)",
}
POSTGRES_CREATE = [
    f"ALTER TABLE search_searchdocument ADD COLUMN {column} tsvector"
    f" GENERATED ALWAYS AS ({expression}) STORED"
    for column, expression in POSTGRES_VECTORS.items()
] + [
    f"CREATE INDEX search_{column} ON search_searchdocument USING gin ({column})"
    for column in POSTGRES_VECTORS
]
POSTGRES_DROP = [f"DROP INDEX search_{column}" for column in POSTGRES_VECTORS] + [
    f"ALTER TABLE search_searchdocument DROP COLUMN {column}" for column in POSTGRES_VECTORS
]

# lz4 compresses the long columns several times faster than PostgreSQL's default
# (pglz): about 12 % more articles a second when the index is rebuilt. Servers built
# without lz4 keep pglz.
POSTGRES_LZ4 = [
    f"ALTER TABLE search_searchdocument ALTER COLUMN {column} SET COMPRESSION lz4"
    for column in ("body", "extra", "body_words", "extra_words", "telex", *POSTGRES_VECTORS)
]
