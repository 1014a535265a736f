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
