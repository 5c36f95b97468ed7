"""`eventlens serve`: a web API over the event store and a dashboard, from one process, offline.

    create_app(db="eventlens.duckdb", token=None) -> FastAPI     the app (routes: api.py, docs/serve.md)
"""
from .app import MAX_BODY_BYTES, create_app

__all__ = ["MAX_BODY_BYTES", "create_app"]
