"""The FastAPI app factory; the lifespan opens the one store of the process."""

import gc
import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from graph import console
from graph.analysis import Analysis, settle_heap
from graph.connect import open_backend
from graph.store import GraphStore
from loaders.pipeline import Extractor
from service import errors, explorer
from service.limits import BodyLimit, ConsoleSlots
from service.routes import (
    articles,
    cypher,
    entities,
    evidence,
    export,
    health,
    ingest,
    relations,
    stances,
)
from service.settings import Settings


def open_store(settings: Settings) -> GraphStore:
    """Open the configured engine and make sure its schema exists."""
    store = GraphStore(open_backend(**settings.engine_options()))
    store.ensure_schema()
    return store


def create_app(settings: Settings | None = None, *, store: GraphStore | None = None) -> FastAPI:
    """The newsgraph REST API (on store, already open, if given; the app closes it)."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.store = store or open_store(settings)
        app.state.analysis = Analysis(
            app.state.store.backend,
            evidence_limit=settings.evidence_limit,
            path_timeout_s=settings.path_timeout_s,
        )
        app.state.extractor = Extractor(model=settings.spacy_model)  # loads spaCy on first use
        app.state.extract_lock = threading.Lock()
        settle_heap()  # what is loaded lasts the app's life
        # The console's parser loads beside serving (about 1 s), not before it.
        threading.Thread(target=console.load, name="console-parser", daemon=True).start()
        try:
            yield
        finally:
            await app.state.analysis.close()
            app.state.store.backend.close()
            gc.unfreeze()  # what the app kept is the collector's again once it ends

    app = FastAPI(
        title="newsgraph",
        version="0.1.0",
        summary="Who demands, rejects or supports what: a knowledge graph built from news.",
        lifespan=lifespan,
        docs_url=None,  # served offline by service.explorer
        redoc_url=None,
    )
    app.add_middleware(BodyLimit, max_bytes=settings.max_body_bytes)
    slots = ConsoleSlots(settings.cypher_concurrency, settings.cypher_queue_wait_s)
    app.state.console_slots = slots
    errors.install(app)
    routers = (health, entities, articles, ingest, stances, relations, evidence, cypher, export)
    for module in routers:
        app.include_router(module.router)
    explorer.install(app)
    return app
