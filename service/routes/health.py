"""GET /health: engine kind, reachability and graph size; GET /livez: the process answers."""

import asyncio

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from graph.errors import GraphError
from service.deps import AnalysisDep, StoreDep
from service.models import Health

router = APIRouter(tags=["health"])
COUNTS_TIMEOUT_S = 0.25  # the counts' deadline: /health answers fast whatever the engine does


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(store: StoreDep, analysis: AnalysisDep) -> Health | JSONResponse:
    """Whether the graph engine answers; 503 (with the same body) when it does not.

    The probe (which starts a dead embedded engine again) has its own short deadline, and
    so do the counts: the engine's own counts of a label or type, in constant time."""
    backend = store.backend
    try:
        await asyncio.to_thread(backend.ping)
        counts = await analysis.counts(timeout=COUNTS_TIMEOUT_S)
    except GraphError:
        body = Health(
            status="unavailable", engine=backend.kind, location=backend.location, reachable=False
        )
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return Health(
        status="ok", engine=backend.kind, location=backend.location, reachable=True, counts=counts
    )


@router.get("/livez")
async def livez() -> dict[str, str]:
    """That the API process answers, asking nothing of the engine (a liveness probe, and the
    trivial endpoint benchmarks measure the server's own cost against)."""
    return {"status": "alive"}
