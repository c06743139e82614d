"""Time of segmentation per article (rules, and rules + the shipped combiner), on the captions corpora.

    python -m benchmarks.segmentation_cost [--rounds 3]

Each article is segmented in alternating order by both variants, ``rounds`` times; the minimum per article is
kept (the machine is shared), then the median and 90th percentile over the articles are printed in ms, with the
ratio of the two variants measured in the same run. Skips with a message when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import statistics
import time

from app.text.layout.combiner import shipped
from app.text.segment import segment
from training.segmentation.corpus import available, load_articles


def _ms(text: str, *, combined: bool) -> float:
    start = time.perf_counter()
    segment(text, model=shipped() if combined else None)
    return (time.perf_counter() - start) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    if not available():
        print("skipped: the captions corpora are not in ../shared/eval")
        return 0
    texts = [a.text for a in load_articles()]
    best: dict[bool, list[float]] = {False: [float("inf")] * len(texts), True: [float("inf")] * len(texts)}
    for _ in range(args.rounds):
        for i, text in enumerate(texts):
            for combined in (False, True):
                best[combined][i] = min(best[combined][i], _ms(text, combined=combined))
    chars = statistics.median(len(t) for t in texts)
    print(f"{len(texts)} articles (median {chars:.0f} characters), best of {args.rounds} rounds per article")
    for combined, label in ((False, "rules alone"), (True, "rules + combiner")):
        ms = sorted(best[combined])
        print(f"  {label:<17} median {statistics.median(ms):6.2f} ms   p90 {ms[int(0.9 * (len(ms) - 1))]:6.2f} ms")
    ratio = statistics.median(c / r for c, r in zip(best[True], best[False], strict=True))
    print(f"  combiner / rules, median per article: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
