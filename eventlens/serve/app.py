"""The FastAPI application: settings, store access, the one error shape, the body-size limit, the
security headers and the dashboard's static files. Routes live in `api.py`."""
from __future__ import annotations

import hmac
import threading
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

# Scripts, styles, images and data come from this server only, and no script may be inline: even if
# some text escaped escaping, the browser would not run it.
_CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")

_HTTP_CODES = {400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
               405: "method_not_allowed", 413: "body_too_large", 415: "unsupported_media_type",
               422: "validation_error", 500: "internal_error"}


class ApiError(Exception):
    """An error a route raises on purpose, rendered in the one error shape."""

    def __init__(self, status: int, code: str, message: str, fix: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.fix = status, code, message, fix


def error_body(code: str, message: str, fix: str | None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fix": fix}}


def error_response(status: int, code: str, message: str, fix: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, fix), status_code=status)


@dataclass
class Settings:
    db: str = DEFAULT_DB
    token: str | None = None
    max_body_bytes: int = MAX_BODY_BYTES
    # One lock for the store: DuckDB lets a process hold read-only or read-write connections to a file,
    # not both, and ingest needs read-write. Reads take milliseconds, so serialising them costs little.
    store_lock: threading.Lock = field(default_factory=threading.Lock)
    coder_lock: threading.Lock = field(default_factory=threading.Lock)
    _coder: Any = None

    @property
    def writable(self) -> bool:
        return bool(self.token)

    @contextmanager
    def reader(self) -> Iterator[Any]:
        from ..store import open_store

        with self.store_lock:
            con = open_store(self.db, read_only=True)
            try:
                yield con
            finally:
                con.close()

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
        if not given or not hmac.compare_digest(given.encode(), self.token.encode()):
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
    app.include_router(router)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.fix)

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


def _version() -> str:
    from .. import __version__

    return __version__

