"""Calibrate the similarity from which two issue wordings name the same issue
(loaders/data/issue_similarity.json), on the training corpus only (data/train/gold).

Pairs are read as questions and topics are (`loaders.frames`, with each article's own
entity names and the knowledge base as the resolver), and only the pairs the rule by
meaning decides are counted: at least one side names no known issue, and the arguments
are the same. A topic's name and each of its aliases (the article's other words for
it) must match; two different topics of one article (which the annotators kept apart,
and which often share their arguments) must not. The threshold kept is the lowest at
which the rule is at least PRECISION precise, so that merges by meaning are rare
mistakes; the card records precision and recall at every step.

Usage: python tools/calibrate_issues.py [--corpus data/train] [--precision 0.95]
"""

import argparse
import itertools
import json
from pathlib import Path

from loaders.embeddings import similarities
from loaders.frames import Frame, names_resolver, read_frame, relate, relate_by_meaning
from loaders.text import fold, slugify

ROOT = Path(__file__).resolve().parent.parent
CARD = ROOT / "loaders" / "data" / "issue_similarity.json"
STEPS = [round(0.5 + 0.025 * i, 3) for i in range(19)]  # 0.5 .. 0.95
Pair = tuple[Frame, Frame, bool]  # asked, topic, whether they are one gold topic


def article_pairs(gold: dict) -> list[Pair]:
    """An article's decidable pairs: each topic with its aliases, and distinct topics."""
    names = {
        fold(n): slugify(e["name"])
        for e in gold["entities"]
        if e["label"] != "Topic"
        for n in [e["name"], *e["aliases"]]
    }
    resolve = names_resolver(names)
    topics = [e for e in gold["entities"] if e["label"] == "Topic"]
    frames = {e["name"]: read_frame(e["name"], resolve) for e in topics}
    pairs = [
        (read_frame(alias, resolve), frames[t["name"]], True)
        for t in topics
        for alias in t["aliases"]
    ]
    pairs += [
        (frames[a["name"]], frames[b["name"]], False) for a, b in itertools.combinations(topics, 2)
    ]
    return [p for p in pairs if _decided_by_meaning(p[0], p[1])]


def _decided_by_meaning(asked: Frame, topic: Frame) -> bool:
    """Whether the rule by meaning, not the issue words, decides a pair."""
    undecided = asked.head is None or topic.head is None
    return (
        undecided
        and asked.arguments == topic.arguments
        and bool(asked.wording and topic.wording)
        and relate(asked, topic) is None
    )


def table(pairs: list[Pair]) -> list[dict]:
    """Precision and recall of the rule at each threshold."""
    scores = [similarities(a.wording, [t.wording])[0] for a, t, _ in pairs]
    positives = sum(same for _, _, same in pairs)
    rows = []
    for step in STEPS:
        said = [
            same
            for (a, t, same), s in zip(pairs, scores, strict=True)
            if relate_by_meaning(a, t, s, step)
        ]
        right = sum(said)
        rows.append({
            "threshold": step,
            "matched": len(said),
            "precision": round(right / len(said), 3) if said else 1.0,
            "recall": round(right / positives, 3) if positives else 0.0,
        })  # fmt: skip
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT / "data" / "train")
    parser.add_argument("--precision", type=float, default=0.95)
    args = parser.parse_args()

    pairs = [
        p
        for path in sorted((args.corpus / "gold").glob("*.json"))
        for p in article_pairs(json.loads(path.read_text("utf-8")))
    ]
    rows = table(pairs)
    kept = next(r for r in rows if r["precision"] >= args.precision and r["matched"])
    card = {
        "threshold": kept["threshold"],
        "precision_floor": args.precision,
        "corpus": str(args.corpus.relative_to(ROOT) if args.corpus.is_absolute() else args.corpus),
        "pairs": {"same": sum(s for *_, s in pairs), "different": sum(not s for *_, s in pairs)},
        "table": rows,
    }
    CARD.write_text(json.dumps(card, indent=1) + "\n", "utf-8")
    for row in rows:
        print(json.dumps(row))
    print(f"kept {kept}")


if __name__ == "__main__":
    main()
