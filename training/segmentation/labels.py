"""Gold kinds for the blocks of a scraped article, derived from its gold record with the scorer's own matching.

A block is labelled, in this order: ``title`` (its normalised text is the gold title), ``credit`` (it is one of
the gold credit strings), ``caption`` (its words match a gold caption's, credit stripped, at >= 0.8 both ways),
``body`` (a gold body paragraph), ``heading`` (a gold subheadline), ``standfirst`` (the gold lede), ``byline``
(a short block holding a gold author's name), else ``other`` (furniture).
"""

from __future__ import annotations

from typing import Any

from training.segmentation.corpus import scorer

THRESHOLD = 0.8


def _best(tokens: frozenset[str], golds: list[frozenset[str]]) -> float:
    sc = scorer()
    return max((sc.match_score(tokens, g) for g in golds), default=0.0)


def gold_kinds(blocks: list[str], gold: dict[str, Any]) -> list[str]:
    """One gold class (``app.text.layout.combiner.CLASSES``) per block text."""
    sc = scorer()
    credit_strings = [c for c in gold["credits"] if c] + [c["credit"] for c in gold["captions"] if c.get("credit")]
    variants = sc.credit_variants(credit_strings)
    title = sc.norm(gold.get("title") or "")
    credits = {sc.norm_credit(c) for c in credit_strings if sc.norm_credit(c)}
    captions = [sc.tokens(sc.strip_credit(sc.norm(c["text"]), variants)) for c in gold["captions"] if c.get("text")]
    body = [sc.tokens(sc.norm(p)) for p in gold["body_paragraphs"]]
    headings = [sc.tokens(sc.norm(p)) for p in gold.get("subheadlines") or []]
    # the lede: a string in some gold records, a list of paragraphs in others (captions/dev-intl.jsonl)
    summary = gold.get("summary") or []
    ledes = [summary] if isinstance(summary, str) else [p for p in summary if isinstance(p, str)]
    lede = [sc.tokens(sc.norm(p)) for p in ledes if p.strip()]
    authors = [a.casefold() for a in gold.get("authors") or [] if a]
    out = []
    for text in blocks:
        n = sc.norm(text)
        toks = sc.tokens(sc.strip_credit(n, variants))
        if title and n == title:
            out.append("title")
        elif sc.norm_credit(text) in credits:
            out.append("credit")
        elif _best(toks, captions) >= THRESHOLD:
            out.append("caption")
        elif _best(sc.tokens(n), body) >= THRESHOLD:
            out.append("body")
        elif _best(sc.tokens(n), headings) >= THRESHOLD:
            out.append("heading")
        elif _best(sc.tokens(n), lede) >= THRESHOLD:
            out.append("standfirst")
        elif len(text.split()) <= 25 and any(a in n for a in authors):
            out.append("byline")
        else:
            out.append("other")
    return out
