"""gunicorn settings for `toasoan serve` and `toasoan demo`."""

accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
graceful_timeout = 10
timeout = 60
keepalive = 5
# Ctrl-C must stop every worker without a traceback.
capture_output = False


def worker_exit(server, worker):
    from toasoan.news.viewcount import flush

    flush()
