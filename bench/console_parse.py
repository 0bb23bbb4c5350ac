"""What the console's guard adds to each request: graph.console.check() on analysts' reads
and on the hostile queries of bench/hostile.py, in this process, no engine.

Prints the first call (it loads the generated parser), then the median, p90, p99 and max
milliseconds per check over --rounds rounds of every query, allowed and refused apart.

Usage: python bench/console_parse.py [--rounds 50]
"""

import argparse
import statistics
import time

from hostile import HOSTILE

from graph.console import ConsoleRefused, check

READS = [
    "MATCH (n:Entity) RETURN n.name AS name ORDER BY name LIMIT 20",
    "MATCH (a:Entity {id: $a})-[r]->(b:Entity) RETURN type(r) AS predicate, b.name AS target",
    "MATCH (a:Entity)-[r:SUPPORTS|OPPOSES]->(b) WHERE a.name STARTS WITH 'Vik' "
    "RETURN a.name, type(r), b.name, r.count ORDER BY r.count DESC",
    "MATCH p = (a:Entity {id: $a})-[*1..3]-(b:Entity {id: $b}) RETURN length(p) AS hops",
    "MATCH (a {id: $a}), (b {id: $b}) WITH a, b MATCH p = allShortestPaths((a)-[*..4]-(b)) "
    "RETURN [n IN nodes(p) | n.name] AS names",
    "MATCH (n:Entity) WITH n, size([(n)-[:MEETS]-(m) | m]) AS meetings WHERE meetings > 2 "
    "RETURN n{.id, .name, meetings} ORDER BY meetings DESC",
    "OPTIONAL MATCH (a:Article)-[:MENTIONS]->(e:Entity) RETURN e.name, count(a) AS articles",
    "MATCH (n) WITH labels(n) AS l, count(*) AS c RETURN l, c "
    "UNION MATCH ()-[r]->() RETURN [type(r)] AS l, count(*) AS c",
    "CALL db.labels() YIELD label RETURN label",
    "UNWIND $names AS name MATCH (e:Entity) WHERE toLower(e.name) CONTAINS toLower(name) "
    "RETURN name, collect(e.id)[..5] AS ids",
    "MATCH (n:Entity) RETURN CASE WHEN n.kind = 'person' THEN 'P' ELSE 'O' END AS k, count(*) AS c",
    "CALL { MATCH (n:Entity) RETURN n ORDER BY n.name LIMIT 5 } RETURN n.name AS name",
]
PARAMS = {"a": "viktor-orban", "b": "ukraine", "names": ["Orban"]}


def timed(query: str) -> tuple[float, bool]:
    """Milliseconds of one check, and whether the guard let the query through."""
    started = time.perf_counter()
    try:
        check(query, PARAMS, row_cap=1001)
        allowed = True
    except ConsoleRefused:
        allowed = False
    return (time.perf_counter() - started) * 1000, allowed


def summary(name: str, values: list[float]) -> None:
    ordered = sorted(values)
    p90 = ordered[int(0.9 * (len(ordered) - 1))]
    p99 = ordered[int(0.99 * (len(ordered) - 1))]
    print(
        f"{name:<10} {len(values):>6} {statistics.median(values):>8.2f} {p90:>8.2f} "
        f"{p99:>8.2f} {max(values):>8.2f}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=50)
    args = parser.parse_args()
    first, _ = timed(READS[0])
    print(f"first check (loads the generated parser): {first:.0f} ms")
    times: dict[bool, list[float]] = {True: [], False: []}
    for _ in range(args.rounds):
        for query in [*READS, *HOSTILE.values()]:
            ms, allowed = timed(query)
            times[allowed].append(ms)
    heads = " ".join(f"{h:>8}" for h in ("p50 ms", "p90 ms", "p99 ms", "max ms"))
    print(f"\n{'queries':<10} {'checks':>6} {heads}")
    summary("allowed", times[True])
    summary("refused", times[False])
    summary("all", times[True] + times[False])


if __name__ == "__main__":
    main()
