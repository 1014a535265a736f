"""gunicorn settings of `sun serve` and of the production unit (`-c python:sun.gunicorn_conf`)."""

import logging


def post_worker_init(worker) -> None:
    """Build the worker's index of communes before its first request (a few seconds with all
    of France), rather than in the first resident's request."""
    from django.db import DatabaseError

    from sun.territoire.index_communes import index_communes

    try:
        index_communes()
    except DatabaseError:  # not migrated yet: the first request will say so
        logging.getLogger(__name__).warning("Index des communes non préparé", exc_info=True)


# Access log lines without the query strings of the search pages (typed places, positions).
logger_class = "sun.journal_acces.JournalAcces"

# Threaded workers: a slow client (a phone on a poor line, or a « slowloris » trickling its
# headers) holds one thread of a process, not the whole process. `sun serve --workers N`
# sets the number of processes; keep a reverse proxy (nginx) in front in production: it
# reads whole requests before passing them on, so slow clients never reach gunicorn.
worker_class = "gthread"
threads = 4
# A connection kept open between two requests of the same visitor, then closed.
keepalive = 5
