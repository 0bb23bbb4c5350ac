"""API response schemas (the graph's records, wrapped for pagination and health)."""

from pydantic import BaseModel, Field

from graph.records import ArticleSummary, EntitySummary, GraphCounts


class Health(BaseModel):
    """Whether the graph engine answers, and how big the graph is."""

    status: str = Field(examples=["ok"])
    engine: str = Field(examples=["falkordb"])
    location: str = Field(examples=["/home/analyst/.local/share/newsgraph/newsgraph.db"])
    reachable: bool
    counts: GraphCounts | None = None


class EntitiesPublic(BaseModel):
    """One page of entities."""

    data: list[EntitySummary]
    count: int = Field(description="entities matching the query, over all pages")
    limit: int
    offset: int


class ArticlesPublic(BaseModel):
    """One page of articles."""

    data: list[ArticleSummary]
    count: int = Field(description="articles in the graph")
    limit: int
    offset: int


class Problem(BaseModel):
    """An error response (RFC 9457 problem details)."""

    type: str = "about:blank"
    title: str
    status: int
    detail: str


PROBLEMS = {
    404: {"model": Problem, "description": "no such resource"},
    503: {"model": Problem, "description": "the graph database is not reachable"},
}
