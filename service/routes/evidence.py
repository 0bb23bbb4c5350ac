"""Evidence: the next page of a relation's, a stance's or a timeline entry's sentences."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from graph.sentences import EvidenceCursor
from service.deps import AnalysisDep
from service.errors import Unprocessable
from service.models import PROBLEMS, EvidencePagePublic, json_response

router = APIRouter(prefix="/api/v1", tags=["relations"])


@router.get("/evidence", response_model=EvidencePagePublic, responses=PROBLEMS)
async def evidence(
    analysis: AnalysisDep,
    cursor: Annotated[
        str,
        Query(
            min_length=1,
            max_length=8000,
            pattern=r"^[A-Za-z0-9_-]+$",
            description="an `evidence_next` (or `next`) an answer gave",
        ),
    ],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    """The page of sentences a cursor points at, newest first, and the cursor after it."""
    try:
        at = EvidenceCursor.decode(cursor)
    except ValueError as err:
        raise Unprocessable(str(err)) from err
    page, after = await analysis.evidence_page(at, limit=limit)
    return json_response(EvidencePagePublic(evidence=page, next=after))
