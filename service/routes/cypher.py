"""POST /api/v1/cypher: analysts' own read-only Cypher."""

from fastapi import APIRouter

from graph import console
from graph.errors import QueryError as EngineQueryError
from graph.errors import QueryTimeout, QueryTooLarge, ReadOnlyViolation
from service.deps import ConsoleKeyDep, ConsoleSlotsDep, SettingsDep, StoreDep
from service.errors import ApiError
from service.models import PROBLEMS, CypherRequest, CypherResult, problem_response

router = APIRouter(prefix="/api/v1", tags=["cypher"])


@router.post(
    "/cypher",
    response_model=CypherResult,
    responses={
        **PROBLEMS,
        400: problem_response("refused: not a single plain read"),
        401: problem_response("NEWSGRAPH_CYPHER_API_KEY is set and no X-API-Key was sent"),
        403: problem_response("a wrong key, or the console is off beyond loopback"),
        413: problem_response("body over NEWSGRAPH_MAX_BODY_BYTES"),
        429: problem_response("the console runs as many queries as it may (see Retry-After)"),
    },
)
def run_cypher(
    body: CypherRequest,
    store: StoreDep,
    settings: SettingsDep,
    slots: ConsoleSlotsDep,
    _key: ConsoleKeyDep,
) -> CypherResult:
    """Run a read-only query (time limit, row cap and concurrency from the settings)."""
    cap = settings.cypher_max_rows
    try:
        with slots.taken():  # the parse too: the console's work stays within its slots
            query = console.check(body.query, body.params, row_cap=cap + 1)  # +1: truncated?
            rows = store.backend.read_untrusted(
                query, body.params, timeout=settings.cypher_timeout_s
            )
    except console.ConsoleRefused as err:
        raise ApiError(str(err)) from err
    except ReadOnlyViolation as err:
        raise ApiError("the console only reads; this query writes") from err
    except QueryTimeout:
        raise
    except QueryTooLarge as err:
        raise ApiError(
            f"the query needs more than the {settings.query_memory_mb} MB one query may take"
        ) from err
    except EngineQueryError as err:
        raise ApiError("the engine could not run this query (check its syntax and names)") from err
    columns = list(rows[0]) if rows else []
    capped = rows[:cap]
    return CypherResult(columns=columns, rows=capped, truncated=len(rows) > len(capped))
