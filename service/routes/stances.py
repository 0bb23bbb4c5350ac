"""Stances: who supports or opposes a topic; and the topics there are."""

from typing import Annotated, Literal

from fastapi import APIRouter, Query, Response

from graph.records import TopicRef
from service.deps import AnalysisDep, NamesDep
from service.models import NAMED, PROBLEMS, StancesPublic, TopicsPublic, json_response
from service.params import Day, Limit, Offset, day, text

router = APIRouter(prefix="/api/v1", tags=["stances"])


@router.get("/stances", response_model=StancesPublic, responses=NAMED)
async def stances(
    analysis: AnalysisDep,
    names: NamesDep,
    topic: Annotated[str, text("a topic in any words, or an entity by name", min_length=1)],
    stance: Annotated[Literal["support", "oppose"], Query()],
    since: Day = None,
    until: Day = None,
    source: Annotated[str | None, text("only this outlet")] = None,
) -> Response:
    """Who supports (SUPPORTS + DEMANDS + PROPOSES) or opposes a topic, with evidence."""
    first, last = day(since), day(until)  # a bad date is 422 before any lookup
    matched = await analysis.find_topics(topic)
    if not matched:  # an entity as the target: "Ukraine"; 404 or 409 as any name
        entity = await names.entity(topic, kind="topic")
        matched = [TopicRef(id=entity.id, name=entity.name, aliases=entity.aliases)]
    actors = await analysis.stances(
        [t.id for t in matched],
        stance,
        since=first,
        until=last,
        source=source,
    )
    return json_response(
        StancesPublic(topic=matched[0], matched_topics=matched, stance=stance, actors=actors)
    )


@router.get("/topics", response_model=TopicsPublic, responses=PROBLEMS)
async def topics(
    analysis: AnalysisDep,
    q: Annotated[str | None, text("rank the topics this phrase names (type-ahead)")] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> TopicsPublic:
    """Topics with how many actors support and oppose each, most discussed first; with q,
    the topics the phrase names in any words, best first, each with why and a score."""
    if q:
        data, count = await analysis.matching_topics(q, limit=limit, offset=offset)
    else:
        data, count = await analysis.topics(limit=limit, offset=offset)
    return TopicsPublic(data=data, count=count, limit=limit, offset=offset)
