"""gunicorn settings for `toasoan serve` and `toasoan demo`."""

accesslog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(M)sms'
graceful_timeout = 10
timeout = 60
# Threaded workers keep connections open between requests (nginx's upstream
# keep-alive, browsers): a sync worker answers one request per connection, and the
# new connection each time costs more than answering a page from the page cache.
# Threads also let a worker answer while another request waits on the database.
worker_class = "gthread"
threads = 8
keepalive = 5
# Several servers (demo, tests) may run side by side; none needs gunicorn's control socket.
control_socket_disable = True


def worker_exit(server, worker):
    from toasoan.news.viewcount import flush

    flush()
