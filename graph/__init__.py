"""The graph database: engines, schema, every Cypher string, and the store."""
