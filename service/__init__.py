"""newsgraph's application layer: settings, ingest orchestration, REST API, CLI."""
