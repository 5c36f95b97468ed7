"""The FastAPI application: settings, store access, the one error shape, the body-size limit, the
security headers and the dashboard's static files. Routes live in `api.py`."""
from __future__ import annotations

import hashlib
import hmac
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EventlensError, UsageError
from ..store.schema import DEFAULT_DB, StoreError

STATIC = Path(__file__).parent / "static"
MAX_BODY_BYTES = 1_000_000
# /api/code: one text is coded at a time; this many requests may be in (one coding, the rest waiting).
# More get 503 with Retry-After at once, so a burst never piles up threads and memory.
MAX_CODE_REQUESTS = 4
CODE_TIMEOUT_S = 10.0  # the per-article time budget of /api/code and of ingest jobs
QUERY_TIMEOUT_S = 10.0  # a store query running longer is interrupted (503 query_timeout)
IDLE_CLOSE_S = 0.5  # the shared read-only connection is closed after this long without a request
CACHE_ENTRIES = 512  # answers of read routes kept per store generation
BIG_ENTRIES = 8  # ordered event-id lists or page positions kept (one per /api/events filter)
# /api/events pages come from an in-memory table of every event's page fields (network.page_table), built in
# the background once per store generation, for stores of up to this many events (~350 bytes each); until
# it is built, and for bigger stores, a page is looked up by key in the store.
PAGE_TABLE_MAX_EVENTS = 1_000_000

# Scripts, styles, images and data come from this server only, and no script may be inline: even if
# some text escaped escaping, the browser would not run it.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "body_too_large", 415: "unsupported_media_type",
               422: "validation_error", 500: "internal_error"}


class ApiError(Exception):
    """An error a route raises on purpose, rendered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, fix: str | None = None,
                 headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fix = status, code, message, fix
        self.headers = headers


def error_body(code: str, message: str, fix: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fix": fix}}


def error_response(status: int, code: str, message: str, fix: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, fix), status_code=status, headers=headers)


@dataclass
class Settings:
    db: str = DEFAULT_DB
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    # DuckDB lets a process hold read-only or read-write connections to a file, not both: readers share one
    # read-only connection (reader()); a write waits for them and holds new ones off (writer()).
    store_lock: threading.Lock = field(default_factory=threading.Lock)
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    code_slots: threading.BoundedSemaphore = field(
        default_factory=lambda: threading.BoundedSemaphore(MAX_CODE_REQUESTS))
    article_timeout: float = CODE_TIMEOUT_S
    query_timeout: float = QUERY_TIMEOUT_S
    _coder: Any = None
    _jobs: Any = None
    _shared: Any = None  # the read-only connection the readers share
    _users: int = 0
    _writing: bool = False
    _last_used: float = 0.0
    _closer: Any = None
    _shared_state: threading.Condition = field(default_factory=threading.Condition)
    # Answers of read routes, per store generation: a new generation starts whenever the store is written,
    # or found changed (written by another process) when it is opened afresh, so an answer is never older
    # than what the store holds.
    _cache: Any = field(default_factory=lambda: __import__("collections").OrderedDict())
    _cache_lock: threading.Lock = field(default_factory=threading.Lock)
    _generation: int = 0

    _big: Any = field(default_factory=lambda: __import__("collections").OrderedDict())
    _seen: Any = None  # the store's signature when the shared connection was last opened
    _pages: Any = None  # (generation, Arrow page table or None when the store is too big or the build failed)
    _pages_builder: Any = None
    page_table_max_events: int = PAGE_TABLE_MAX_EVENTS
    _flights: dict = field(default_factory=dict)
    _shared_rw: bool = False

    def cached(self, key: tuple, compute, big: bool = False):
        """compute() once per key and store generation. At most CACHE_ENTRIES answers are kept, and
        BIG_ENTRIES big ones (a filter's ordered event ids: up to the whole events table's)."""
        cache, size = (self._big, BIG_ENTRIES) if big else (self._cache, CACHE_ENTRIES)
        with self._cache_lock:
            hit = cache.get(key)
            if hit is not None and hit[0] == self._generation:
                cache.move_to_end(key)
                return hit[1]
            flight = self._flights.setdefault(key, threading.Lock())
        # One request computes a missing answer; those asking for the same meanwhile wait for it.
        with flight:
            with self._cache_lock:
                generation = self._generation
                hit = cache.get(key)
                if hit is not None and hit[0] == generation:
                    return hit[1]
            try:
                value = compute()
                with self._cache_lock:
                    if generation == self._generation:
                        cache[key] = (generation, value)
                        while len(cache) > size:
                            cache.popitem(last=False)
            finally:
                with self._cache_lock:
                    self._flights.pop(key, None)
        return value

    def _new_generation(self) -> None:
        with self._cache_lock:
            self._generation += 1
            self._cache.clear()
            self._big.clear()
            self._pages = None

    def page_table(self) -> tuple[int, Any] | None:
        """(generation, the Arrow page table of /api/events for it), or None while it is being built (in a
        background thread, started here on first need) or when the store has more than
        page_table_max_events events (then pages are looked up by key)."""
        with self._cache_lock:
            if self._pages is not None and self._pages[0] == self._generation:
                return self._pages if self._pages[1] is not None else None
            if self._pages_builder is None or not self._pages_builder.is_alive():
                self._pages_builder = threading.Thread(target=self._build_page_table, name="eventlens-pages",
                                                       daemon=True)
                self._pages_builder.start()
        return None

    def _build_page_table(self) -> None:
        from . import network

        generation, table = None, None
        try:
            with self.reader() as con:
                generation = self._generation
                if con.execute("SELECT count(*) FROM events").fetchall()[0][0] <= self.page_table_max_events:
                    table = network.page_table(con)
        except Exception:  # no store yet, a timeout: pages are looked up by key this generation
            table = None
        with self._cache_lock:
            if generation is None or generation == self._generation:
                self._pages = (self._generation, table)

    @property
    def jobs(self):
        if self._jobs is None:
            from .jobs import Jobs

            self._jobs = Jobs(self)
        return self._jobs

    @property
    def writable(self) -> bool:
        return bool(self.token)

    @contextmanager
    def reader(self) -> Iterator[Any]:
        """A cursor on the store for one request. The read-only connection is shared by concurrent requests
        (each has its own cursor, so reads run in parallel) and closed after IDLE_CLOSE_S without requests,
        so that `eventlens ingest` in another process can then take the store. A query over
        `query_timeout` seconds is interrupted (503 query_timeout)."""
        import duckdb

        cursor = self._checkout()
        timer = threading.Timer(self.query_timeout, cursor.interrupt)
        timer.start()
        try:
            yield cursor
        except duckdb.InterruptException:
            raise ApiError(503, "query_timeout", f"the query ran over {self.query_timeout:g} s and was stopped",
                           "narrow the filters or lower the limit", headers={"Retry-After": "5"}) from None
        finally:
            timer.cancel()
            cursor.close()
            self._checkin()

    def _checkout(self):
        from ..store import open_store

        with self._shared_state:
            while self._writing:
                self._shared_state.wait()
            if self._shared is None:
                self._shared = open_store(self.db, read_only=True)  # raises StoreError: no store, not one
                # Another process may have written the store while it was closed: then a new generation.
                signature = self._signature(self._shared)
                if signature != self._seen:
                    self._seen = signature
                    self._new_generation()
                self._start_closer()
            self._users += 1
            try:
                return self._shared.cursor()
            except Exception:
                self._users -= 1
                raise

    def _signature(self, con) -> tuple:
        """What changes whenever the store is written: its file's and log's times and sizes, and its runs
        (every eventlens write records one). Taken with the store open, when no other process can write it."""
        import os

        files = []
        for path in (self.db, self.db + ".wal"):
            try:
                st = os.stat(path)
                files.append((st.st_mtime_ns, st.st_size))
            except OSError:
                files.append(None)
        try:
            runs = con.execute("SELECT count(*), max(started), max(finished) FROM runs").fetchone()
        except Exception:
            runs = None
        return tuple(files), runs

    def _checkin(self) -> None:
        with self._shared_state:
            self._users -= 1
            self._last_used = time.monotonic()
            self._shared_state.notify_all()

    def _start_closer(self) -> None:
        if self._closer is not None and self._closer.is_alive():
            return

        def close_when_idle():
            while True:
                time.sleep(IDLE_CLOSE_S / 2)
                with self._shared_state:
                    if self._shared is None:
                        self._closer = None
                        return
                    if self._users == 0 and time.monotonic() - self._last_used > IDLE_CLOSE_S:
                        self._close_shared()
                        self._closer = None
                        return

        # Not a daemon: at exit it closes the connection cleanly (within IDLE_CLOSE_S) instead of being cut off.
        self._closer = threading.Thread(target=close_when_idle, name="eventlens-store-closer", daemon=False)
        self._closer.start()

    def close(self) -> None:
        """Close the shared connection now (after a write: checkpointed), waiting for the readers in flight."""
        with self._shared_state:
            while self._users:
                self._shared_state.wait()
            if self._shared is not None:
                self._close_shared()

    def _close_shared(self) -> None:
        """Close the shared connection; held under _shared_state with no reader in flight. After a write
        its log is folded into the file first, while nobody reads."""
        if self._shared_rw:
            try:
                self._shared.execute("CHECKPOINT")
            except Exception:
                pass
            self._shared_rw = False
        self._shared.close()
        self._shared = None

    @contextmanager
    def writer(self) -> Iterator[Any]:
        """A cursor on the store read-write, for an ingest job's write. DuckDB lets a process hold read-only or
        read-write connections to a file, not both: the shared read-only connection is swapped for a
        read-write one (without external access), and the readers take their cursors from it, reading the
        last committed state, so reads go on during the write. It is closed when the server is idle."""
        from ..store import open_store

        with self.store_lock:  # one writer at a time
            with self._shared_state:
                self._writing = True
                try:
                    while self._users:
                        self._shared_state.wait()
                    if self._shared is not None:
                        self._shared.close()
                        self._shared = None
                    self._shared = open_store(self.db, external_access=False)
                    self._shared_rw = True
                    self._start_closer()
                    cursor = self._shared.cursor()
                    self._users += 1
                finally:
                    self._writing = False
                    self._shared_state.notify_all()
            try:
                yield cursor
                # Fold the log into the file now: read-only connections cannot, and every one opened
                # later would replay it (seconds for a large write). If readers are in the way, the close
                # when the server is idle does it.
                try:  # in the job's thread; the readers go on meanwhile
                    cursor.execute("CHECKPOINT")
                except Exception:
                    pass
            finally:
                cursor.close()
                self._new_generation()
                # The readers keep the read-write connection until the server is idle; then it closes
                # (with its checkpoint) and the next request opens the store read-only again.
                self._checkin()

    def coder(self):
        """The coder, built on first use (loading dictionaries takes a second or two)."""
        if self._coder is None:
            from ..coding import Coder

            self._coder = Coder()
        return self._coder

    def check_token(self, given: str | None) -> None:
        if not self.token:
            raise ApiError(403, "writes_disabled", "write endpoints are off on this server",
                           "start it with `eventlens serve --token TOKEN` (or EVENTLENS_TOKEN) and send "
                           "`Authorization: Bearer TOKEN`")
        # Compared in constant time, as digests so that not even the token's length shows in the timing.
        if not given or not hmac.compare_digest(hashlib.sha256(given.encode("utf-8", "surrogateescape")).digest(),
                                                hashlib.sha256(self.token.encode()).digest()):
            raise ApiError(401, "unauthorized", "missing or wrong token", "send `Authorization: Bearer TOKEN`")


class BodyLimit:
    """Refuses request bodies over the limit with 413, whether or not they declare their length."""

    def __init__(self, app, max_bytes: int):
        self.app, self.max_bytes = app, max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        headers = dict(scope.get("headers") or [])
        declared = headers.get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            return await self._refuse(scope, receive, send)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return await self._refuse(scope, receive, send)
            chunks.append(chunk)
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _refuse(self, scope, receive, send):
        response = error_response(413, "body_too_large", f"request body over {self.max_bytes:,} bytes",
                                  "send a shorter text, or fewer articles per request")
        await response(scope, receive, send)


def _status_for(err: EventlensError) -> int:
    if isinstance(err, StoreError):
        return 404 if "no store" in err.message else 503
    return 400 if isinstance(err, UsageError) else 422


def create_app(db: str = DEFAULT_DB, token: str | None = None, max_body_bytes: int = MAX_BODY_BYTES) -> FastAPI:
    """The web app over the store at `db`. Writes (ingest) are on only when `token` is given."""
    from .api import router

    # No Swagger or ReDoc pages: both load their scripts from a CDN. The OpenAPI document is served.
    app = FastAPI(title="eventlens", version=_version(), docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="Code news text into CAMEO/PLOVER events and query the event store. "
                              "Every error is `{\"error\": {\"code\", \"message\", \"fix\"}}`.")
    app.state.settings = Settings(db=db, token=token or None, max_body_bytes=max_body_bytes)
    _fold_log(db)
    app.include_router(router)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.fix, exc.headers)

    @app.exception_handler(EventlensError)
    async def _eventlens_error(request: Request, exc: EventlensError):
        message = f"{exc.where}: {exc.message}" if exc.where else exc.message
        return error_response(_status_for(exc), exc.code, message, exc.fix)

    @app.exception_handler(RequestValidationError)
    async def _validation_error(request: Request, exc: RequestValidationError):
        problems = []
        for problem in exc.errors()[:5]:
            where = ".".join(str(part) for part in problem.get("loc", ()) if part != "body") or "request"
            problems.append(f"{where}: {problem.get('msg', 'invalid')}")
        return error_response(422, "validation_error", "; ".join(problems) or "invalid request",
                              "check the request against /openapi.json")

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        code = _HTTP_CODES.get(exc.status_code, f"http_{exc.status_code}")
        fix = "see /openapi.json for the routes" if exc.status_code in (404, 405) else None
        return error_response(exc.status_code, code, str(exc.detail), fix)

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception):
        return error_response(500, "internal_error", f"{type(exc).__name__}: {exc}",
                              "report it with the request that caused it")

    @app.middleware("http")
    async def _security_headers(request: Request, call_next):
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", _CSP)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def dashboard():
        return FileResponse(STATIC / "index.html", media_type="text/html")

    return app


def _fold_log(db: str) -> None:
    """Checkpoint a log left by a writer that did not close (a killed ingest): the server's read-only
    connections cannot, and each would replay it on opening (seconds for a large one). Skipped when
    another process holds the store or the file is not writable."""
    import os

    if not os.path.exists(db + ".wal") or not os.access(db, os.W_OK):
        return
    try:
        import duckdb

        con = duckdb.connect(db, config={"enable_external_access": False})
        try:
            con.execute("CHECKPOINT")
        finally:
            con.close()
    except Exception:
        pass


def _version() -> str:
    from .. import __version__

    return __version__

