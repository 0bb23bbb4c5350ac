"""Article records: what the readers produce and what the cleaner returns."""

from pydantic import BaseModel, Field


class RawArticle(BaseModel):
    """An article as read from a file or a request, before cleaning."""

    origin: str = Field(description="where it came from: a path, `path:line`, or `request`")
    path: str | None = None
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    source: str | None = None


class Article(BaseModel):
    """A cleaned article: its body text and the metadata found for it."""

    id: str
    origin: str
    path: str | None = None
    title: str | None = None
    url: str | None = None
    published: str | None = Field(default=None, description="ISO-8601 date, YYYY-MM-DD")
    source: str | None = None
    text: str = Field(description="the article body that extraction reads")
    content_hash: str
    dropped: list[str] = Field(default_factory=list, description="lines removed as boilerplate")


class LoadFailure(BaseModel):
    """An input that could not become an article, with a one-line reason."""

    origin: str
    reason: str
