"""Running toasoan in other processes, each on a database of its own."""

import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit


def toasoan_command(*args):
    script = Path(sys.executable).with_name("toasoan")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-m", "toasoan.cli", *args]


def run_toasoan(env, *args, timeout=600, check=True):
    result = subprocess.run(toasoan_command(*args), env=env, capture_output=True, text=True,
                            timeout=timeout, stdin=subprocess.DEVNULL)
    if check and result.returncode != 0:
        raise AssertionError(f"`toasoan {' '.join(map(str, args))}` failed:\n"
                             f"{result.stdout[-3000:]}\n{result.stderr[-5000:]}")
    return result


def is_postgres(url):
    return url.startswith(("postgres://", "postgresql://"))


def scratch_postgres(url, prefix="toasoan_scratch"):
    """A fresh database beside the one `url` names; returns its URL and a dropper."""
    import psycopg
    from psycopg import sql

    name = f"{prefix}_{uuid.uuid4().hex[:8]}"
    drop = sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))

    def run(statement):
        with psycopg.connect(url, dbname="postgres", autocommit=True) as conn:
            conn.execute(statement)

    run(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    return urlunsplit(urlsplit(url)._replace(path=f"/{name}")), lambda: run(drop)
