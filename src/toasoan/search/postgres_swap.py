"""Refilling a PostgreSQL table through a fresh copy swapped in at the end.

Inserting 100,000 documents into a table with six GIN indexes updates each index
row by row; building the indexes once over the filled table is a fifth of the server's
work. The old table stays in place, indexes and all, for readers until the swap,
and the new one takes its name and the names of its indexes and constraints, so
migrations and queries see the same table as before.
"""

import re

# pg_get_indexdef: CREATE [UNIQUE] INDEX name ON [ONLY] schema.table USING ...
_INDEX_DEF = re.compile(r"^(CREATE (?:UNIQUE )?INDEX) \S+ ON (?:ONLY )?\S+ (USING .*)$")


def refill(cursor, table: str, fill) -> int:
    """Fill a fresh copy of `table` with `fill(fresh_name)` (which returns a count),
    give it the old table's indexes and constraints, and put it in the old one's
    place. Run inside a transaction."""
    fresh = f"{table}_fresh"
    # Writers (an article published meanwhile) wait for the swap, as they would wait
    # for rows being replaced; readers go on with the old table.
    cursor.execute(f"LOCK TABLE {table} IN SHARE MODE")
    cursor.execute(f"DROP TABLE IF EXISTS {fresh}")
    cursor.execute(
        f"CREATE TABLE {fresh} (LIKE {table} INCLUDING DEFAULTS INCLUDING GENERATED"
        " INCLUDING COMPRESSION INCLUDING STORAGE INCLUDING STATISTICS)"
    )
    count = fill(fresh)
    cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
    renames = _copy_indexes(cursor, table, fresh) + _copy_constraints(cursor, table, fresh)
    cursor.execute(f"ANALYZE {fresh}")
    # Foreign keys checked at commit (Django's are deferred) must be checked before
    # their table goes: an outer transaction may have written documents.
    cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    cursor.execute("SET CONSTRAINTS ALL DEFERRED")
    cursor.execute(f"DROP TABLE {table}")
    cursor.execute(f"ALTER TABLE {fresh} RENAME TO {table}")
    for statement in renames:
        cursor.execute(statement)
    return count


def _copy_indexes(cursor, table, fresh) -> list[str]:
    """Build the indexes that no constraint owns; return the statements that give
    them their old names."""
    cursor.execute(
        """SELECT c.relname, pg_get_indexdef(i.indexrelid) FROM pg_index i
           JOIN pg_class c ON c.oid = i.indexrelid
           WHERE i.indrelid = %s::regclass
             AND NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conindid = i.indexrelid)
           ORDER BY c.relname""",
        [table],
    )
    renames = []
    for number, (name, definition) in enumerate(cursor.fetchall()):
        temporary = f"{fresh}_index_{number}"
        create, method = _INDEX_DEF.match(definition).groups()
        cursor.execute(f"{create} {temporary} ON {fresh} {method}")
        renames.append(f'ALTER INDEX {temporary} RENAME TO "{name}"')
    return renames


def _copy_constraints(cursor, table, fresh) -> list[str]:
    """Add the old table's constraints (keys, unique, foreign keys, checks); return
    the statements that give them their old names."""
    cursor.execute(
        """SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint
           WHERE conrelid = %s::regclass AND contype IN ('p', 'u', 'f', 'c')
           ORDER BY contype DESC, conname""",
        [table],
    )
    renames = []
    for number, (name, definition) in enumerate(cursor.fetchall()):
        temporary = f"{fresh}_constraint_{number}"
        cursor.execute(f"ALTER TABLE {fresh} ADD CONSTRAINT {temporary} {definition}")
        renames.append(f'ALTER TABLE {table} RENAME CONSTRAINT {temporary} TO "{name}"')
    return renames
