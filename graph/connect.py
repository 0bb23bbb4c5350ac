"""Open the configured engine: Neo4j when a URI is given, else the embedded FalkorDB."""

from pathlib import Path

from graph.backend import Backend


def open_backend(
    *,
    data_dir: Path,
    graph: str = "newsgraph",
    neo4j_uri: str | None = None,
    neo4j_user: str = "neo4j",
    neo4j_password: str = "",
    neo4j_database: str = "neo4j",
    read_timeout_s: float = 10.0,
    write_timeout_s: float = 60.0,
    query_memory_mb: int = 256,
) -> Backend:
    """The one backend of this process (raises EngineUnavailable with a clear reason)."""
    if neo4j_uri:
        from graph.neo4j_backend import Neo4jBackend

        return Neo4jBackend(
            neo4j_uri,
            user=neo4j_user,
            password=neo4j_password,
            database=neo4j_database,
            read_timeout_s=read_timeout_s,
            write_timeout_s=write_timeout_s,
        )
    from graph.falkordb_backend import FalkorDBBackend

    return FalkorDBBackend(
        data_dir,
        graph=graph,
        read_timeout_s=read_timeout_s,
        write_timeout_s=write_timeout_s,
        query_memory_mb=query_memory_mb,
    )
