"""GraphFragment: everything one article adds to the graph (the loaders -> graph seam).

`newsgraph extract --jsonl` prints these, one per line, in the format
`shared/eval/score.py` reads; `graph.store.write_fragment` writes one in a
single transaction.
"""

from typing import Self

from pydantic import BaseModel, Field, model_validator

from loaders.ontology import Label, Predicate


class ArticleInfo(BaseModel):
    """The article's provenance record (the Article node)."""

    id: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None
    content_hash: str
    text: str
    dropped_lines: int = 0


class Entity(BaseModel):
    """An entity node as this article sees it (merged into the graph by `id`)."""

    id: str
    name: str
    label: Label
    aliases: list[str] = Field(default_factory=list)
    wikidata: str | None = None
    mentions: int = 1
    keys: list[str] | None = Field(
        default=None,
        description="folded names the graph also finds it by, beyond its name and aliases "
        "(an export carries those an earlier article's name left; extraction sets none)",
    )


class Evidence(BaseModel):
    """One sentence asserting a relation."""

    article_id: str
    sentence: str
    start: int = Field(description="character offset of the sentence in the article text")
    end: int
    published: str | None = None
    source: str | None = None
    negated: bool = False
    speaker: str | None = Field(default=None, description="entity id of who is reported saying it")
    confidence: float = Field(ge=0.0, le=1.0)
    extractor: str
    rule: str | None = Field(
        default=None,
        description="the reading rule, or the learned model's version, that asserted it",
    )
    phrase: str | None = Field(
        default=None,
        description="for a topic: the phrase this sentence named it by (a merged topic keeps "
        "which sentence said what, so it can be split again)",
    )


class Relation(BaseModel):
    """A relation between two entities of this article, with its evidence."""

    subject: str
    predicate: Predicate
    object: str
    title: str | None = Field(default=None, description="HOLDS_ROLE only: the position held")
    evidence: list[Evidence]


class GraphFragment(BaseModel):
    """One article's contribution to the graph."""

    article: ArticleInfo
    entities: list[Entity]
    relations: list[Relation] = Field(default_factory=list)

    @model_validator(mode="after")
    def _relations_join_entities(self) -> Self:
        """A relation may only join entities of the same fragment."""
        ids = {entity.id for entity in self.entities}
        for relation in self.relations:
            if relation.subject not in ids or relation.object not in ids:
                raise ValueError(
                    f"relation {relation.predicate} joins an entity not in the fragment"
                )
        return self
