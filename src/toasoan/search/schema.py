"""The database-specific full-text index over `SearchDocument` (see migration 0002).

SQLite: an FTS5 table whose content is the documents table, kept in step by
triggers (a phrase never spans two columns). PostgreSQL: a generated tsvector
column (title A, lead B, body and extras C, Telex D, all with the `simple`
configuration: the text is folded before it gets here) and a GIN index on it.
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

# `||` numbers the right vector's words straight after the left one's, so a phrase
# could match across two fields ("…xã Yên Trạch" + "Nông dân…"). Each field ends
# with a placeholder word, deleted afterwards, which leaves a gap in the numbering.
_GAP = "toasoanfieldgap"
POSTGRES_COLUMN = f"""ALTER TABLE search_searchdocument ADD COLUMN vector tsvector
    GENERATED ALWAYS AS (
        ts_delete(
            setweight(to_tsvector('simple', title_words || ' {_GAP}'), 'A')
            || setweight(to_tsvector('simple', lead_words || ' {_GAP}'), 'B')
            || setweight(
                to_tsvector('simple', body_words || ' {_GAP} ' || extra_words || ' {_GAP}'), 'C'
            )
            || setweight(to_tsvector('simple', telex), 'D'),
            '{_GAP}'::text
        )
    ) STORED"""
POSTGRES_INDEX = "CREATE INDEX search_vector ON search_searchdocument USING gin (vector)"
