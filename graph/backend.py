"""The seam between newsgraph and a graph engine.

Both engines return rows as plain dicts (nodes, relationships and paths
converted to dicts too), so nothing above `graph/` knows which engine it talks to.
"""

from collections.abc import Mapping
from typing import Any, Protocol

Row = dict[str, Any]
Params = Mapping[str, Any]


class Backend(Protocol):
    """A graph engine reached through its native client."""

    kind: str  # "falkordb" or "neo4j"
    location: str  # where the data lives, for status output

    def read(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """Run a read-only statement; the engine refuses writes."""
        ...

    async def read_async(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """read(), awaited: the API answers many requests from one event loop."""
        ...

    def read_untrusted(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """Run an analyst's statement, refusing (ReadOnlyViolation) any that writes."""
        ...

    def write(self, query: str, params: Params | None = None) -> list[Row]:
        """Run a statement in one transaction: all of it applies, or none."""
        ...

    def ensure_schema(self) -> None:
        """Create the indexes and uniqueness constraints, idempotently."""
        ...

    def ping(self) -> None:
        """Raise EngineUnavailable unless the engine answers."""
        ...

    async def close_async(self) -> None:
        """Drop the connections read_async opened for the running event loop."""
        ...

    def close(self) -> None:
        """Release the connection (the embedded engine stops when its last client goes)."""
        ...
