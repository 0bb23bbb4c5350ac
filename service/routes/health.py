"""GET /health: engine kind, reachability and graph size; GET /livez: the process answers."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from graph.errors import GraphError
from service.deps import StoreDep
from service.models import Health

router = APIRouter(tags=["health"])


@router.get("/health", response_model=Health, responses={503: {"model": Health}})
def health(store: StoreDep) -> Health | JSONResponse:
    """Whether the graph engine answers; 503 (with the same body) when it does not."""
    backend = store.backend
    try:
        backend.ping()
        counts = store.counts()
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
