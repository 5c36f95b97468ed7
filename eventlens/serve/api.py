"""The JSON API under /api. Each route validates its parameters, then calls the store's query
functions (eventlens.store.query) or this package's own (network.py) inside one read-only connection."""
from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.responses import FileResponse, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask

from . import network
from .app import ApiError, Settings


class ErrorDetail(BaseModel):
    code: str = Field(description="eventlens error code (E003…) or an HTTP error name (not_found, validation_error…)")
    message: str
    fix: str | None = Field(description="what to do about it")


class ErrorBody(BaseModel):
    error: ErrorDetail


_ERRORS = {status: {"model": ErrorBody, "description": description} for status, description in (
    (400, "The request asks for something that cannot be done"),
    (404, "No such article, route or store"),
    (413, "Request body over the size limit"),
    (422, "A parameter or the body failed validation"),
    (500, "An unexpected failure"),
    (503, "The store cannot be opened, a query ran over the time limit, or the server is busy (see Retry-After)"),
)}
router = APIRouter(prefix="/api", responses=_ERRORS)

ActorCode = Annotated[str | None, Query(pattern=r"^[A-Za-z0-9]{1,16}$", description="country (JPN) or code prefix (JPNGOV)")]
CameoPrefix = Annotated[str | None, Query(pattern=r"^[0-9]{1,4}$", description="CAMEO code prefix: 16 matches 160-166")]
Since = Annotated[dt.date | None, Query(description="events on or after this date")]
Until = Annotated[dt.date | None, Query(description="events on or before this date")]
_bearer = HTTPBearer(auto_error=False, description="the token given to `eventlens serve --token`")


def settings(request: Request) -> Settings:
    return request.app.state.settings


def _filters(source=None, target=None, code=None, since=None, until=None) -> dict[str, Any]:
    return {"source": source, "target": target, "code": code, "since": since, "until": until}


# --- coding ----------------------------------------------------------------------------------------

class CodeRequest(BaseModel):
    text: str = Field(min_length=1, description="the article text")
    date: dt.date | None = Field(default=None, description="publication date, YYYY-MM-DD")
    id: str = Field(default="text", max_length=200, description="the article id the events carry")


class CodeResponse(BaseModel):
    events: list[dict[str, Any]] = Field(description="event records, docs/event-record.md")
    articles: int


@router.post("/code", response_model=CodeResponse, summary="Code one text into events")
def code(body: CodeRequest, s: Settings = Depends(settings)) -> dict[str, Any]:
    """The events of one text: the same JSON as `eventlens code --format json`."""
    from ..coding import code_text

    # The spaCy pipeline and the coder are shared: one text at a time, and a bounded number waiting.
    if not s.code_slots.acquire(blocking=False):
        raise ApiError(503, "busy", "too many texts are being coded; try again shortly",
                       "retry after the seconds in Retry-After, or code in bulk with `eventlens code`",
                       headers={"Retry-After": "2"})
    try:
        with s.coder_lock:
            events = code_text(body.text, date=body.date, article_id=body.id, coder=s.coder(),
                               article_timeout=s.article_timeout)
    finally:
        s.code_slots.release()
    return {"events": [event.to_dict() for event in events], "articles": 1}


# --- store queries ---------------------------------------------------------------------------------

@router.get("/summary", summary="What the store holds")
def summary(s: Settings = Depends(settings)) -> dict[str, Any]:
    """Row counts, the first and last event date, the busiest pair, and whether writes are on.
    Without a store file, the counts are null: coding still works."""
    from ..store import query

    out: dict[str, Any] = {"db": os.path.basename(s.db), "writable": s.writable, "store": False,
                           "counts": None, "dates": None, "busiest_pair": None}
    if not os.path.exists(s.db):
        return out
    with s.reader() as con:
        out.update(store=True, counts=query.summary(con), dates=network.date_range(con),
                   busiest_pair=network.busiest_pair(con))
    return out


@router.get("/events", summary="Deduplicated events, paginated")
def events(source: ActorCode = None, target: ActorCode = None, code: CameoPrefix = None, since: Since = None,
           until: Until = None, offset: Annotated[int, Query(ge=0, le=10_000_000)] = 0,
           limit: Annotated[int, Query(ge=1, le=500)] = 50, s: Settings = Depends(settings)) -> dict[str, Any]:
    """The filters of `eventlens events`; each event carries `article_key` and `sentence_index`, the
    sentence of its representative mention (open it with /api/articles/{article_key})."""
    filters = _filters(source, target, code, since, until)
    chosen = (source, target, code, since, until)

    def compute() -> bytes:
        pages = s.page_table()
        if pages is not None:
            # Every event's page fields are in memory (built once per store generation); a filter's rows are
            # found once, and each page is a slice of them.
            generation, table = pages
            if any(value is not None for value in chosen):
                def find():
                    with s.reader() as con:
                        return network.positions_of(con, table, filters)

                positions = s.cached(("event_positions", generation, *chosen), find, big=True)
            else:
                positions = None
            return _json(network.events_page_from(table, positions, offset=offset, limit=limit))
        with s.reader() as con:
            # The filter's ordered ids are found once per store generation; each page is then a lookup.
            ids = s.cached(("event_ids", *chosen), lambda: network.ordered_event_ids(con, filters), big=True)
            return _json(network.events_page_of(con, ids, offset=offset, limit=limit))

    return Response(s.cached(("events", *chosen, offset, limit), compute), media_type="application/json")


def _json(value: Any) -> bytes:
    """The bytes FastAPI's JSONResponse would send for `value` (dates as ISO text), made once: an answer is
    kept encoded, and sent as it is."""
    return json.dumps(value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":"),
                      default=_iso).encode("utf-8")


def _iso(value: Any) -> str:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON")


@router.get("/dyad", summary="Events between two actors per period, both directions")
def dyad(a: ActorCode = None, b: ActorCode = None, by: Literal["day", "week", "month"] = "month",
         code: CameoPrefix = None, since: Since = None, until: Until = None,
         s: Settings = Depends(settings)) -> dict[str, Any]:
    """Counts per QuadClass and mean Goldstein per period, as `eventlens dyad`. Without actors, the
    pair with the most events; with one, that actor and its busiest partner."""
    from ..store import query

    def compute(a=a, b=b):
        with s.reader() as con:
            if not (a and b):
                pair = network.busiest_pair(con, actor=a or b)
                if pair is None:
                    return {"a": (a or b or "").upper() or None, "b": None, "by": by, "rows": []}
                a, b = pair["a"], pair["b"]
            rows = query.dyad(con, a, b, by=by, filters={"code": code, "since": since, "until": until})
        return {"a": a.upper(), "b": b.upper(), "by": by, "rows": rows}

    return s.cached(("dyad", a, b, by, code, since, until), compute)


@router.get("/actors", summary="The most active actors")
def actors(limit: Annotated[int, Query(ge=1, le=1000)] = 20, s: Settings = Depends(settings)) -> dict[str, Any]:
    from ..store import query

    with s.reader() as con:
        return {"actors": query.actors(con, limit)}


@router.get("/network", summary="Actor network: nodes and directed edges")
def actor_network(since: Since = None, until: Until = None, code: CameoPrefix = None,
                  level: Literal["country", "actor"] = "country",
                  min_events: Annotated[int, Query(ge=1, le=100_000)] = 1,
                  limit: Annotated[int, Query(ge=1, le=2000)] = 200, s: Settings = Depends(settings)) -> dict[str, Any]:
    """Actors (countries, or full codes with level=actor) as nodes; source→target edges with their
    event count, mean Goldstein and cooperation/conflict counts, within the time filter."""
    def compute():
        with s.reader() as con:
            return network.network(con, _filters(code=code, since=since, until=until), level=level,
                                   min_events=min_events, limit=limit)

    return s.cached(("network", since, until, code, level, min_events, limit), compute)


@router.get("/map", summary="Events with a place of action")
def event_map(source: ActorCode = None, target: ActorCode = None, code: CameoPrefix = None, since: Since = None,
              until: Until = None, limit: Annotated[int, Query(ge=1, le=50_000)] = 5000,
              s: Settings = Depends(settings)) -> dict[str, Any]:
    with s.reader() as con:
        return {"points": network.map_points(con, _filters(source, target, code, since, until), limit=limit)}


@router.get("/world", summary="World country outlines (GeoJSON) for the map")
def world() -> dict[str, Any]:
    from .world import world_geojson

    return world_geojson()


@router.get("/articles/{key}", summary="An article with its event spans")
def article(key: Annotated[str, Path(min_length=1, max_length=500, description="content hash or article id")],
            s: Settings = Depends(settings)) -> dict[str, Any]:
    """The stored text, its sentences with offsets, and each event mention with its `spans`
    ({start, end, kind: actor|action|date}) into the text. Article ids that contain "/" are found
    with `?id=` on /api/article instead."""
    return _article(key, s)


@router.get("/article", summary="An article by its id (ids with slashes)")
def article_by_id(id: Annotated[str, Query(min_length=1, max_length=2000)], s: Settings = Depends(settings)) -> dict[str, Any]:
    return _article(id, s)


def _article(key: str, s: Settings) -> dict[str, Any]:
    with s.reader() as con:
        found = network.article_with_spans(con, key)
    if found is None:
        raise ApiError(404, "not_found", f"no article {key!r} in the store",
                       "use an article_key from /api/events")
    return found


# --- writes ----------------------------------------------------------------------------------------

class ArticleIn(BaseModel):
    text: str = Field(min_length=1)
    id: str | None = Field(default=None, max_length=500)
    date: dt.date | None = None
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4000)
    source: str | None = Field(default=None, max_length=500)


class IngestRequest(BaseModel):
    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)


_WRITE_ERRORS = {401: {"model": ErrorBody, "description": "Missing or wrong token"},
                 403: {"model": ErrorBody, "description": "Writes are off: no token configured"}}


class JobView(BaseModel):
    job: str = Field(description="the job id: poll GET /api/jobs/{job}")
    status: Literal["queued", "running", "done", "failed"]
    submitted: str
    finished: str | None
    articles_submitted: int
    result: dict[str, Any] | None = Field(description="when done: articles, mentions, unchanged, skipped, events, "
                                                      "coder_version, problems (as `eventlens ingest`)")
    error: str | None


@router.post("/ingest", summary="Code articles and store their events in a background job (needs the token)",
             status_code=202, response_model=JobView, responses=_WRITE_ERRORS)
def ingest(body: IngestRequest, credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
           s: Settings = Depends(settings)) -> dict[str, Any]:
    """Queues the articles and answers 202 at once with the job to poll (`GET /api/jobs/{job}`). The job
    codes without holding the store, so reads go on meanwhile. Articles already stored with this coder
    version are not coded again (as `eventlens ingest`)."""
    from ..models import Article
    from .jobs import JobsFull

    s.check_token(credentials.credentials if credentials else None)
    articles = [Article(id=item.id or f"api-{number}", text=item.text, date=item.date, title=item.title,
                        url=item.url, source=item.source, origin=f"request: article {number}")
                for number, item in enumerate(body.articles, 1)]
    try:
        job = s.jobs.submit(articles)
    except JobsFull:
        raise ApiError(503, "busy", "too many ingest jobs are waiting", "poll your jobs and submit later",
                       headers={"Retry-After": "10"}) from None
    return job.view()


@router.get("/jobs/{job_id}", summary="An ingest job's status and result (needs the token)",
            response_model=JobView, responses=_WRITE_ERRORS)
def job_status(job_id: Annotated[str, Path(pattern=r"^[0-9a-f]{32}$")],
               credentials: HTTPAuthorizationCredentials | None = Depends(_bearer),
               s: Settings = Depends(settings)) -> dict[str, Any]:
    s.check_token(credentials.credentials if credentials else None)
    job = s.jobs.get(job_id)
    if job is None:
        raise ApiError(404, "not_found", f"no job {job_id}", "use the id POST /api/ingest gave")
    return job.view()


# --- export ----------------------------------------------------------------------------------------

_EXPORT_TYPES = {"gdelt": ("text/tab-separated-values", "events.gdelt.tsv"),
                 "plover": ("application/x-ndjson", "events.plover.jsonl"),
                 "csv": ("text/csv", "events.csv"),
                 "parquet": ("application/vnd.apache.parquet", "events.parquet")}


@router.get("/export", summary="Download the events as GDELT TSV, PLOVER JSONL, CSV or Parquet",
            response_class=FileResponse,
            responses={200: {"description": "the export file",
                             "content": {media: {} for media, _ in _EXPORT_TYPES.values()}}})
def export(format: Literal["gdelt", "plover", "csv", "parquet"], source: ActorCode = None, target: ActorCode = None,
           code: CameoPrefix = None, since: Since = None, until: Until = None,
           limit: Annotated[int | None, Query(ge=1)] = None, s: Settings = Depends(settings)):
    from ..export import write_export
    from ..store import query

    media_type, filename = _EXPORT_TYPES[format]
    folder = tempfile.mkdtemp(prefix="eventlens-export-")
    path = os.path.join(folder, filename)
    filters = _filters(source, target, code, since, until) | {"limit": limit}
    try:
        with s.reader() as con:
            write_export(format, query.rows_for_export(con, filters), path)
    except BaseException:
        _remove(folder)
        raise
    return FileResponse(path, media_type=media_type, filename=filename, background=BackgroundTask(_remove, folder))


def _remove(folder: str) -> None:
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
