"""``rashomon serve``: the web app over a store, and the JSON API behind every page.

Every ``/api`` route returns one page's data from :mod:`rashomon.report.pages`
(the same data the static report embeds); ``/`` is the page shell and
``/assets/NAME`` the scripts and styles it loads, from a fixed list. No
parameter is ever used as a path: ids are looked up in the store, asset names
in a dictionary, so nothing outside the store and the package is served.
Writes (adding documents) exist only with ``allow_writes`` and need the token.
"""

from __future__ import annotations

import hmac
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

from fastapi import FastAPI, File, Form, Header, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.responses import HTMLResponse, Response
from starlette.middleware.trustedhost import TrustedHostMiddleware

from rashomon.api import schemas
from rashomon.api.corpus import Corpus
from rashomon.api.jobs import (
    MAX_UPLOAD_BYTES,
    JobRunner,
    UploadRefused,
    pasted_record,
    supported,
    uploads_folder,
    write_upload,
)
from rashomon.report.html import ASSETS, app_shell
from rashomon.report.pages import document as document_pages
from rashomon.report.pages import entity, event, overview, page_window, reuse, search

ID = Annotated[str, PathParam(pattern=r"^[A-Za-z0-9_.:-]{1,100}$", max_length=100)]
Offset = Annotated[int, Query(ge=0, le=100_000_000)]
Limit = Annotated[int, Query(ge=1, le=200)]
Text = Annotated[str | None, Query(max_length=200)]
Day = Annotated[str | None, Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$")]
NOT_FOUND = {404: {"description": "No such item in this store"}}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)


def _found(page: dict | None, what: str) -> dict:
    if page is None:
        raise HTTPException(404, f"no such {what} in this store")
    return page


def create_app(
    store: str | Path,
    allow_writes: bool = False,
    token: str | None = None,
    trusted_hosts: list[str] | None = None,
    workers: int = 1,
) -> FastAPI:
    """The app serving ``store`` (an output folder of ``analyze``, or its .sqlite)."""
    if allow_writes and not token:
        raise ValueError("writes need a token")
    corpus = Corpus(store, create=allow_writes)
    runner = JobRunner(corpus.folder, corpus.db_path, workers) if allow_writes else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        if runner:
            runner.close()

    app = FastAPI(
        lifespan=lifespan,
        title="Rashomon",
        version="1.0",
        description="What the sources of one analysis say, agree on, dispute, copy and how "
        "they frame it: the data behind every page of `rashomon serve`.",
    )
    if trusted_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=trusted_hosts)

    @app.middleware("http")
    async def security_headers(request: Request, call_next):  # noqa: ANN001, ANN202
        response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def shell() -> HTMLResponse:
        return HTMLResponse(app_shell())

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        found = ASSETS.get(name)
        if found is None:
            raise HTTPException(404, "no such asset")
        path, media = found
        return Response(path.read_bytes(), media_type=media)

    @app.get("/api/info", response_model=schemas.ServerInfo)
    def info() -> dict:
        with corpus.context() as ctx:
            documents = ctx.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        return {"writes": allow_writes, "store": corpus.folder.name, "documents": documents}

    @app.get("/api/overview", response_model=schemas.Overview)
    def overview_route() -> dict:
        with corpus.context() as ctx:
            return overview.overview_page(ctx)

    @app.get("/api/documents", response_model=schemas.DocumentList)
    def documents(
        offset: Offset = 0,
        limit: Limit = 50,
        outlet: Text = None,
        since: Day = None,
        until: Day = None,
    ) -> dict:
        from rashomon.store import queries

        with corpus.context() as ctx:
            total, rows = queries.list_documents(
                ctx.db, offset, limit, outlet=outlet, since=since, until=until
            )
        return {"documents": rows, **page_window(total, offset, limit)}

    @app.get("/api/documents/{doc_id}", response_model=schemas.DocumentPage, responses=NOT_FOUND)
    def document_route(doc_id: ID) -> dict:
        with corpus.context() as ctx:
            return _found(document_pages.document_page(ctx, doc_id), "document")

    @app.get("/api/events", response_model=schemas.Window)
    def events(offset: Offset = 0, limit: Limit = 50) -> dict:
        with corpus.context() as ctx:
            ids = ctx.index.events_by_sources[offset : offset + limit]
            cards = [overview.event_card(e, ctx) for e in ctx.events(ids)]
            return {"events": cards, **page_window(len(ctx.index.events), offset, limit)}

    @app.get("/api/events/{event_id}", response_model=schemas.EventPage, responses=NOT_FOUND)
    def event_route(event_id: ID) -> dict:
        with corpus.context() as ctx:
            return _found(event.event_page(ctx, event_id), "event")

    @app.get("/api/facts/disputed", response_model=schemas.Window)
    def disputed(offset: Offset = 0, limit: Limit = 50) -> dict:
        with corpus.context() as ctx:
            contested = ctx.index.disputed
            facts = ctx.facts([f.id for f in contested[offset : offset + limit]])
            events = {e["id"]: e for e in ctx.events([f["event"] for f in facts])}
            cards = [overview.fact_card(f, events.get(f["event"])) for f in facts]
            return {"facts": cards, **page_window(len(contested), offset, limit)}

    @app.get("/api/entities", response_model=schemas.EntityList)
    def entities(q: Text = None, type: Text = None, offset: Offset = 0, limit: Limit = 50) -> dict:
        from rashomon.store import queries

        with corpus.context() as ctx:
            total, rows = queries.search_entities(ctx.db, q, type, offset, limit, ctx.index)
        return {"entities": rows, **page_window(total, offset, limit)}

    @app.get("/api/entities/{entity_id}", response_model=schemas.EntityPage, responses=NOT_FOUND)
    def entity_route(entity_id: ID) -> dict:
        with corpus.context() as ctx:
            return _found(entity.entity_page(ctx, entity_id), "entity")

    @app.get(
        "/api/entities/{entity_id}/timeline", response_model=schemas.Timeline, responses=NOT_FOUND
    )
    def timeline_route(entity_id: ID, offset: Offset = 0, limit: Limit = 200) -> dict:
        from rashomon.store import queries

        with corpus.context() as ctx:
            _found(queries.entity(ctx.db, entity_id), "entity")
            return entity.entity_timeline(ctx, entity_id, offset, limit)

    @app.get("/api/reuse", response_model=schemas.ReuseList)
    def reuse_list(offset: Offset = 0, limit: Limit = 50) -> dict:
        with corpus.context() as ctx:
            return reuse.reuse_list(ctx, offset, limit)

    @app.get("/api/reuse/{index}", response_model=schemas.ReusePage, responses=NOT_FOUND)
    def reuse_route(index: Annotated[int, PathParam(ge=0, le=100_000_000)]) -> dict:
        with corpus.context() as ctx:
            return _found(reuse.reuse_page(ctx, index), "copied passage")

    @app.get("/api/search", response_model=schemas.SearchPage)
    def search_route(
        q: Text = None,
        outlet: Text = None,
        since: Day = None,
        until: Day = None,
        entity: Annotated[str | None, Query(pattern=r"^[A-Za-z0-9_.:-]{1,100}$")] = None,
        event_type: Text = None,
        offset: Offset = 0,
        limit: Limit = 20,
    ) -> dict:
        with corpus.context() as ctx:
            return search.search_page(
                ctx, q, outlet, since, until, entity, event_type, offset, limit
            )

    def check_token(given: str | None) -> JobRunner:
        if runner is None:
            raise HTTPException(403, "this server is read-only (start it with --allow-writes)")
        if not given or not hmac.compare_digest(given.encode(), (token or "").encode()):
            raise HTTPException(401, "a write needs the token printed when the server started")
        return runner

    @app.post(
        "/api/documents",
        response_model=schemas.Job,
        status_code=202,
        responses={
            400: {"description": "Malformed form data"},
            401: {"description": "No or wrong token"},
            403: {"description": "Read-only server"},
            413: {"description": "Too large"},
            422: {"description": "Nothing to add"},
        },
    )
    async def add_documents(
        x_rashomon_token: Annotated[str | None, Header()] = None,
        files: Annotated[list[UploadFile], File()] = [],  # noqa: B006 (FastAPI copies it)
        text: Annotated[str | None, Form(max_length=5_000_000)] = None,
        title: Annotated[str | None, Form(max_length=500)] = None,
        outlet: Annotated[str | None, Form(max_length=200)] = None,
        published: Annotated[str | None, Form(max_length=40)] = None,
        author: Annotated[str | None, Form(max_length=200)] = None,
    ) -> dict:
        jobs = check_token(x_rashomon_token)
        try:
            folder = uploads_folder(corpus.folder)
        except UploadRefused as error:
            raise HTTPException(403, str(error)) from error
        saved, refused, size = [], [], 0
        for upload in files or []:
            name = upload.filename or ""
            data = await upload.read(MAX_UPLOAD_BYTES + 1)
            if not name and not data:
                continue  # an empty file field
            size += len(data)
            if size > MAX_UPLOAD_BYTES:
                raise HTTPException(413, f"uploads over {MAX_UPLOAD_BYTES // 1_000_000} MB")
            if not supported(name):
                refused.append(f"{name}: not a .txt, .md, .html or .jsonl file")
                continue
            saved.append(write_upload(folder, name, data))
        if text and text.strip():
            record = pasted_record(text, title, outlet, published, author)
            saved.append(write_upload(folder, "pasted.jsonl", record))
        if not saved:
            raise HTTPException(422, "; ".join(refused) or "no file and no text to add")
        return jobs.submit(saved, refused).as_dict()

    @app.get("/api/jobs/{job_id}", response_model=schemas.Job, responses=NOT_FOUND)
    def job_route(job_id: ID) -> dict:
        job = runner.get(job_id) if runner else None
        return _found(job.as_dict() if job else None, "job")

    app.state.corpus = corpus
    app.state.runner = runner
    return app
