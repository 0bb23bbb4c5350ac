"""How long reading a question into the topics it names takes (graph/topic_index.py), with
and without the comparison of issue wordings by meaning, on the samples' topics.

Prints the one-off costs of loading the model and of the first question that needs
the embeddings (embedding every topic name's wording), then the median of each kind of question
over many runs (as `/topics?q=` pays on every call; `/stances` caches its answer per
text): a name of a topic, a frame the issue words read, and a wording no issue word reads.

Usage: python bench/topics.py [--runs 200]
"""

import argparse
import statistics
import time

from api import sample_fragments

from graph.topic_index import TopicIndex
from loaders.embeddings import vectors
from loaders.frames import names_resolver
from loaders.text import fold

QUESTIONS = {
    "a name": "security guarantees for Russia",
    "issue words": "guarantees for Kyiv's security",
    "by meaning": "a higher minimum wage in Hungary",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()

    start = time.perf_counter()
    vectors(["load"])
    print(f"model loaded (once per process): {_ms(start):.0f} ms")
    entities = [e for f in sample_fragments() for e in f.entities]
    topics = list(
        {
            e.id: {"id": e.id, "name": e.name, "aliases": e.aliases}
            for e in entities
            if e.label == "Topic"
        }.values()
    )
    names = {fold(n): e.id for e in entities if e.label != "Topic" for n in [e.name, *e.aliases]}
    index = TopicIndex(topics, names_resolver(names))
    start = time.perf_counter()
    index.find(QUESTIONS["by meaning"])
    print(f"{len(topics)} topics; first by meaning (embeds all names): {_ms(start):.1f} ms")
    for kind, text in QUESTIONS.items():
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            found = index.find(text)
            times.append(_ms(start))
        print(f"{kind:>12}: median {statistics.median(times):.2f} ms ({len(found)} topics)")


def _ms(start: float) -> float:
    return (time.perf_counter() - start) * 1000


if __name__ == "__main__":
    main()
