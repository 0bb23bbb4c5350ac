"""Graph errors: each engine's exceptions are translated into these at the seam.

GraphError
├── EngineUnavailable    the engine cannot be started or reached
├── QueryError           the engine refused or failed a statement
│   ├── ReadOnlyViolation    a write was sent down the read path
│   ├── QueryTimeout         the statement ran past its timeout
│   └── QueryTooLarge        the statement needed more memory than a query may take
├── BadSplit             a topic split that names no topic or phrases it does not have
│   └── TopicNotFound        no such topic with evidence
└── ArticleNotFound      no article with that id to delete
"""


class GraphError(Exception):
    """Root of the graph layer's errors."""


class EngineUnavailable(GraphError):
    """The engine cannot be started or reached (retry later, or fix the configuration)."""


class QueryError(GraphError):
    """The engine refused or failed a statement."""


class ReadOnlyViolation(QueryError):
    """A statement that writes was sent through the read-only path."""


class QueryTimeout(QueryError):
    """The statement ran past its timeout."""


class QueryTooLarge(QueryError):
    """The statement needed more memory than the engine lets one query take."""


class BadSplit(GraphError):
    """A topic split asked for phrases the topic does not have (or all of them)."""


class TopicNotFound(BadSplit):
    """No topic with that id has evidence to split."""


class ArticleNotFound(GraphError):
    """No article with that id is in the graph."""
