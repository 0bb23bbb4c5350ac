"""Neo4j 5 through the official driver (the docker-compose deployment)."""

import asyncio
from typing import Any

import neo4j
from neo4j import GraphDatabase, Query
from neo4j import exceptions as neo4j_errors
from neo4j.graph import Node, Path, Relationship

from graph.backend import Params, Row
from graph.errors import EngineUnavailable, QueryError, QueryTimeout, ReadOnlyViolation
from graph.schema import NEO4J_SCHEMA

_UNREACHABLE = (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired, OSError)
PROBE_TIMEOUT_S = 1.0  # how long connecting may take before the server counts as gone


class Neo4jBackend:
    """A Neo4j database reached over Bolt with the official driver."""

    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        *,
        user: str,
        password: str,
        database: str = "neo4j",
        read_timeout_s: float = 10.0,
        write_timeout_s: float = 60.0,
    ) -> None:
        self.location = f"{uri} (database {database})"
        self.database = database
        self.read_timeout_s = read_timeout_s
        self.write_timeout_s = write_timeout_s
        try:
            self._driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=PROBE_TIMEOUT_S,  # a server that is gone is known at once
                connection_acquisition_timeout=read_timeout_s,
                max_transaction_retry_time=0,  # sent once: no resend of a slow statement
            )
            self._driver.verify_connectivity()
        except neo4j_errors.AuthError as err:
            raise EngineUnavailable(f"Neo4j at {uri} refused the credentials") from err
        except (*_UNREACHABLE, neo4j_errors.ConfigurationError, ValueError) as err:
            raise EngineUnavailable(f"cannot reach Neo4j at {uri}: {err}") from err

    def read(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """Run a statement in a read transaction (the server refuses writes), within its
        deadline (timeout, else the backend's read deadline)."""
        deadline = timeout or self.read_timeout_s
        return self._run(neo4j.READ_ACCESS, Query(query, timeout=deadline), params)  # type: ignore[arg-type]

    async def read_async(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """read() on a worker thread: the driver's pool is shared by threads, so the
        event loop only waits (the driver's asyncio API would need a pool per loop)."""
        return await asyncio.to_thread(self.read, query, params, timeout=timeout)

    async def close_async(self) -> None:
        """Nothing to drop: read_async uses the driver's own pool."""

    def read_untrusted(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """An analyst's statement: EXPLAIN must show a read-only plan, then a read transaction."""
        with self._driver.session(
            database=self.database, default_access_mode=neo4j.READ_ACCESS
        ) as session:
            try:
                summary = session.run(f"EXPLAIN {query}", dict(params or {})).consume()
            except _UNREACHABLE as err:
                raise EngineUnavailable(f"Neo4j at {self.location} is not answering") from err
            except neo4j_errors.Neo4jError as err:
                raise _query_error(err) from err
        if summary.query_type != "r":
            raise ReadOnlyViolation("the statement writes, but was sent as read-only")
        return self.read(query, params, timeout=timeout)

    def write(self, query: str, params: Params | None = None) -> list[Row]:
        """Run a statement in one write transaction, within the write deadline."""
        return self._run(neo4j.WRITE_ACCESS, Query(query, timeout=self.write_timeout_s), params)  # type: ignore[arg-type]

    def ensure_schema(self) -> None:
        """Create the uniqueness constraints (IF NOT EXISTS makes this idempotent)."""
        for statement in NEO4J_SCHEMA:
            self.write(statement)

    def ping(self) -> None:
        """Raise EngineUnavailable unless the server answers."""
        try:
            self._driver.verify_connectivity()
        except _UNREACHABLE as err:
            raise EngineUnavailable(f"Neo4j at {self.location} is not answering") from err

    def close(self) -> None:
        """Close the driver and its connection pool."""
        self._driver.close()

    def _run(self, mode: str, query: Query, params: Params | None) -> list[Row]:
        def work(tx: neo4j.ManagedTransaction) -> list[Row]:
            return [record_to_dict(r) for r in tx.run(query, dict(params or {}))]

        try:
            with self._driver.session(database=self.database, default_access_mode=mode) as session:
                run = session.execute_read if mode == neo4j.READ_ACCESS else session.execute_write
                return run(work)
        except _UNREACHABLE as err:
            raise EngineUnavailable(f"Neo4j at {self.location} is not answering") from err
        except neo4j_errors.Neo4jError as err:
            raise _query_error(err) from err


def _query_error(err: neo4j_errors.Neo4jError) -> QueryError:
    code = err.code or ""
    if "TransactionTimedOut" in code or "TransactionTimedOutClientConfiguration" in code:
        return QueryTimeout("the statement ran past its timeout")
    if "WriteOnReadOnlyAccess" in code or "ForbiddenOnReadOnlyDatabase" in code:
        return ReadOnlyViolation("the statement writes, but was sent as read-only")
    return QueryError(err.message or code)


def record_to_dict(record: neo4j.Record) -> Row:
    """A driver record as plain Python data (nodes, relationships, paths as dicts)."""
    return {key: to_plain(value) for key, value in record.items()}


def to_plain(value: Any) -> Any:
    """A driver value as plain data; temporal values as ISO-8601 strings."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": dict(value.items())}
    if isinstance(value, Relationship):
        return {"type": value.type, "properties": dict(value.items())}
    if isinstance(value, Path):
        return {
            "nodes": [to_plain(n) for n in value.nodes],
            "relationships": [to_plain(r) for r in value.relationships],
        }
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value
