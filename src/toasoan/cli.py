"""The `toasoan` command: `demo`, `serve`, `test`, and every Django management command."""

import os
import sys

DEFAULT_BIND = "127.0.0.1:8000"


def _django_setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")
    import django

    django.setup()


def serve(args):
    """Replace this process with gunicorn, so Ctrl-C and signals reach it directly."""
    import argparse

    parser = argparse.ArgumentParser(prog="toasoan serve")
    parser.add_argument("--bind", default=os.environ.get("TOASOAN_BIND", DEFAULT_BIND))
    parser.add_argument("--workers", type=int, default=int(os.environ.get("TOASOAN_WORKERS", 0)))
    options = parser.parse_args(args)
    # Each worker answers with 8 threads (gunicorn_conf): one process per core, and
    # one more for when a worker is busy in Python.
    workers = options.workers or min((os.cpu_count() or 1) + 1, 8)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")
    command = [
        sys.executable, "-m", "gunicorn", "toasoan.wsgi:application",
        "--config", "python:toasoan.gunicorn_conf",
        "--bind", options.bind,
        "--workers", str(workers),
    ]
    print(f"Cổng thông tin chạy tại http://{options.bind}/ (nhấn Ctrl-C để dừng)", flush=True)
    os.execv(sys.executable, command)


def demo(args):
    from django.core.management import call_command

    _django_setup()
    call_command("setup", demo=True)
    serve(args)


def test(args):
    import pytest

    sys.exit(pytest.main(args))


def main(argv=None):
    argv = list(sys.argv if argv is None else argv)
    command, rest = (argv[1], argv[2:]) if len(argv) > 1 else ("help", [])
    if command == "demo":
        return demo(rest)
    if command == "serve":
        return serve(rest)
    if command == "test":
        return test(rest)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "toasoan.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["toasoan", *argv[1:]])


if __name__ == "__main__":
    main()
