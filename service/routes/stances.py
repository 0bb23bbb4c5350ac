"""Stances: who supports or opposes a topic; and the topics there are."""

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query

from graph.records import TopicRef
from service.deps import AnalysisDep
from service.errors import NotFound
from service.models import PROBLEMS, StancesPublic, TopicsPublic

router = APIRouter(prefix="/api/v1", tags=["stances"])
Day = Annotated[date | None, Query(description="YYYY-MM-DD")]


@router.get("/stances", response_model=StancesPublic, responses=PROBLEMS)
def stances(
    analysis: AnalysisDep,
    topic: Annotated[str, Query(min_length=1, max_length=200, description="a topic in any words")],
    stance: Annotated[Literal["support", "oppose"], Query()],
    since: Day = None,
    until: Day = None,
    source: Annotated[str | None, Query(max_length=200, description="only this outlet")] = None,
) -> StancesPublic:
    """Who supports (SUPPORTS + DEMANDS + PROPOSES) or opposes a topic, with evidence."""
    matched = analysis.find_topics(topic) or [
        TopicRef(id=e.id, name=e.name, aliases=e.aliases) for e in analysis.find_entities(topic)
    ]
    if not matched:
        raise NotFound("topic", topic)
    actors = analysis.stances(
        [t.id for t in matched],
        stance,
        since=since.isoformat() if since else None,
        until=until.isoformat() if until else None,
        source=source,
    )
    return StancesPublic(topic=matched[0], matched_topics=matched, stance=stance, actors=actors)


@router.get("/topics", response_model=TopicsPublic, responses=PROBLEMS)
def topics(
    analysis: AnalysisDep,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    offset: Annotated[int, Query(ge=0, le=100_000)] = 0,
) -> TopicsPublic:
    """Topics with how many actors support and oppose each, most discussed first."""
    data, count = analysis.topics(limit=limit, offset=offset)
    return TopicsPublic(data=data, count=count, limit=limit, offset=offset)
