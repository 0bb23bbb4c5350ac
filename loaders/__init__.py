"""Articles in, graph fragments out: reading, cleaning, NLP, extraction, resolution."""
