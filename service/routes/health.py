"""GET /health: engine kind, reachability and graph size; GET /livez: the process answers."""

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from graph.errors import GraphError
from service.deps import AnalysisDep, StoreDep
from service.models import Health, json_response

router = APIRouter(tags=["health"])
COUNTS_TIMEOUT_S = 0.25  # the counts' deadline: /health answers fast whatever the engine does


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
async def health(store: StoreDep, analysis: AnalysisDep) -> Response:
    """Whether the graph engine answers; 503 (with the same body) when it does not.

    One awaited read, with its own short deadline, answers both: the engine's own counts
    of a label or type (constant time). A dead embedded engine is started again by it,
    a frozen one is reported once the deadline has passed."""
    backend = store.backend
    try:
        counts = await analysis.counts(timeout=COUNTS_TIMEOUT_S)
    except GraphError:
        body = Health(
            status="unavailable", engine=backend.kind, location=backend.location, reachable=False
        )
        return JSONResponse(body.model_dump(), status_code=503, headers={"Retry-After": "5"})
    return json_response(
        Health(
            status="ok",
            engine=backend.kind,
            location=backend.location,
            reachable=True,
            counts=counts,
        )
    )


@router.get("/livez")
async def livez() -> dict[str, str]:
    """That the API process answers, asking nothing of the engine (a liveness probe, and the
    trivial endpoint benchmarks measure the server's own cost against)."""
    return {"status": "alive"}
