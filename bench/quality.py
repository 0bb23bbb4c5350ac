"""Extraction quality on annotated sets, with the figures an error analysis needs.

For each set (a folder with articles/*.txt and gold/*.json, or the samples with
tests/eval/gold), runs the extractor and scores it with tests/eval/score.py:
totals, entities by gold label, relations by gold predicate (recall) and by
predicted predicate (precision).

Usage: python bench/quality.py [SET ...]    (default: the samples and data/train)
       a SET is dev, train, or a folder such as ../shared/eval/wide
"""

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

from loaders.pipeline import Extractor
from service.ingest import extract, load
from service.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "eval"))
import score  # noqa: E402

SETS = {
    "dev": (ROOT / "data" / "articles", ROOT / "tests" / "eval" / "gold"),
    "train": (ROOT / "data" / "train" / "articles", ROOT / "data" / "train" / "gold"),
}


def folders(name: str) -> tuple[Path, Path]:
    """The articles folder and gold folder of a named set or of a set folder."""
    if name in SETS:
        return SETS[name]
    return Path(name) / "articles", Path(name) / "gold"


def predictions(articles: Path, extractor: Extractor) -> dict[str, dict]:
    """Fragments by article stem, as score.py reads them."""
    items = load(sorted(articles.glob("*.txt")), max_chars=1_000_000)
    out = {}
    for fragment in extract(items, extractor):
        data = json.loads(fragment.model_dump_json(exclude_none=True))
        out[Path(data["article"]["path"]).stem] = data
    return out


def breakdown(preds: dict[str, dict], gold: dict[str, dict]) -> dict[str, Counter]:
    """Counts by gold label and by predicate: found/gold and right/predicted."""
    counts = {k: Counter() for k in ("label_gold", "label_found", "pred_gold", "pred_found")}
    counts |= {"pred_predicted": Counter(), "pred_right": Counter()}
    for stem, g in gold.items():
        p = preds.get(stem, {})
        p_ents, g_ents = p.get("entities") or [], g["entities"]
        pairs = score.match_entities(p_ents, g_ents)
        for gi, e in enumerate(g_ents):
            counts["label_gold"][e["label"]] += 1
            counts["label_found"][e["label"]] += gi in pairs.values()
        to_gold = {p_ents[pi]["id"]: g_ents[gi]["name"] for pi, gi in pairs.items()}
        golds = Counter(
            (score.fold(r["subject"]), r["predicate"], score.fold(r["object"]))
            for r in g["relations"]
        )
        counts["pred_gold"].update(r["predicate"] for r in g["relations"])
        for r in p.get("relations") or []:
            counts["pred_predicted"][r["predicate"]] += 1
            s, o = to_gold.get(r["subject"]), to_gold.get(r["object"])
            if s is None or o is None:
                continue
            keys = [(score.fold(s), r["predicate"], score.fold(o))]
            if r["predicate"] == "MEETS":
                keys.append((score.fold(o), "MEETS", score.fold(s)))
            hit = next((k for k in keys if golds[k] > 0), None)
            if hit:
                golds[hit] -= 1
                counts["pred_right"][r["predicate"]] += 1
                counts["pred_found"][r["predicate"]] += 1
    return counts


def report(name: str, extractor: Extractor) -> dict:
    """Print and return one set's figures."""
    articles, gold_dir = folders(name)
    gold = {p.stem: json.loads(p.read_text()) for p in sorted(gold_dir.glob("*.json"))}
    preds = predictions(articles, extractor)
    results = [score.score_article(preds.get(stem, {}), g) for stem, g in gold.items()]
    totals = {
        k: score.total(results, k) for k in ("entities", "relations_strict", "relations_lenient")
    }
    print(f"== {name}: {len(gold)} articles")
    for k, s in totals.items():
        print(
            f"  {k:18} P {s['precision']:.3f} R {s['recall']:.3f} F1 {s['f1']:.3f}"
            f"  (tp {s['tp']}, pred {s['pred']}, gold {s['gold']})"
        )
    c = breakdown(preds, gold)
    print(
        "  entities by gold label (found/gold): "
        + ", ".join(f"{k} {c['label_found'][k]}/{n}" for k, n in c["label_gold"].most_common())
    )
    print("  relations by predicate (strict; recall found/gold, precision right/predicted):")
    for k, n in c["pred_gold"].most_common():
        print(
            f"    {k:11} R {c['pred_found'][k]:3}/{n:<3}  P {c['pred_right'][k]:3}/"
            f"{c['pred_predicted'][k]}"
        )
    return totals


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", default=["dev", "train"])
    args = parser.parse_args()
    extractor = Extractor(model=Settings().spacy_model)
    for name in args.sets:
        report(name, extractor)


if __name__ == "__main__":
    main()
