"""What the store's reads return: validated records, the same for both engines."""

from typing import Literal

from pydantic import BaseModel, Field


class GraphCounts(BaseModel):
    """Sizes of the graph."""

    nodes: int
    relationships: int
    articles: int
    entities: int
    relations: int = Field(description="entity-to-entity edges (one per asserting sentence)")


class EntitySummary(BaseModel):
    """An entity node."""

    id: str
    name: str
    label: str
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    articles: int = Field(0, description="how many articles mention it")


class ArticleSummary(BaseModel):
    """An article's provenance record."""

    id: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    path: str | None = None


class MentionedEntity(BaseModel):
    """An entity as mentioned by one article."""

    id: str
    name: str
    label: str
    mentions: int = 1


class ArticleDetail(ArticleSummary):
    """An article with its text and the entities found in it."""

    text: str = ""
    content_hash: str
    entities: list[MentionedEntity] = Field(default_factory=list)


class EntityArticle(ArticleSummary):
    """An article that mentions a given entity."""

    mentions: int = 1


class EntityDetail(EntitySummary):
    """An entity with the articles that mention it."""

    mentioned_in: list[EntityArticle] = Field(default_factory=list)


class WriteOutcome(BaseModel):
    """What writing one fragment did."""

    article_id: str
    status: Literal["new", "changed", "unchanged"]
    entities: int
    relations: int
