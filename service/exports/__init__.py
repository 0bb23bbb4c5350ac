"""The graph as files other tools read: GraphML, neo4j-admin import CSV, fragment JSONL."""
