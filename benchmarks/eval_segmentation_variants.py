"""Segmentation on the caption files as other producers would deliver them: the same articles, the same gold.

Each variant rewrites every article's text the way a scraper, a wire feed or a CMS export may (wrapped at a fixed
width, no blank lines between paragraphs, no-break spaces, no headline, the headline in capitals, CRLF line ends
and a byte-order mark); the service reads it in-process (stages segment + credits) and
``../shared/eval/score_segmentation.py`` scores it against the unchanged gold (the scorer normalises white space
and case, so the gold strings stand). A variant that reads worse than the original names a form the rules do not
yet read; the original is scored in the same run.

    python -m benchmarks.eval_segmentation_variants               # every variant, both caption files
    python -m benchmarks.eval_segmentation_variants --only wrap72 nbsp

Skips with a message (exit 0) when ../shared/eval is not there. Writes PRED files to ``benchmarks/out/variants/``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import re
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.eval_segmentation import EVAL, OUT, SCORER, Article, enrich_all, score

CAPTIONS = EVAL / "captions"
FILES = ("dev", "dev-intl")
_BLANK_LINES = re.compile(r"\n\s*\n+")
_NBSP_SHARE = 0.2  # a fifth of the spaces, drawn with a fixed seed


def _wrap(text: str, width: int) -> str:
    return "\n".join(
        textwrap.fill(line, width, break_long_words=False, break_on_hyphens=False) if line.strip() else line
        for line in text.split("\n")
    )


def _one_newline(text: str) -> str:
    return _BLANK_LINES.sub("\n", text)


def _nbsp(text: str) -> str:
    draw = random.Random(7)
    return "".join("\u00a0" if c == " " and draw.random() < _NBSP_SHARE else c for c in text)


def _no_first_line(text: str) -> str:
    parts = text.lstrip().split("\n", 1)
    return parts[1].lstrip("\n") if len(parts) > 1 else text


def _first_twice(text: str) -> str:
    first = text.lstrip().split("\n", 1)[0]
    return first + "\n\n" + text.lstrip()


_CREDIT_SEPARATORS = " \t|\u2013\u2014-"
_MOST_BETWEEN = 40  # characters between a caption and its credit on the next line


def _credit_spans(text: str, gold: dict[str, Any]) -> list[tuple[int, int, int, int]]:
    """For each gold caption whose credit follows it on its line or the next: (line start, caption end, credit
    start, credit end) in ``text``, the credit with its label and brackets (``(AP Photo/Name)``, ``Foto: dpa``);
    in text order, without overlaps. Captions filed without a credit, or with it elsewhere, are left out."""
    spans: list[tuple[int, int, int, int]] = []
    for caption in gold.get("captions", []):
        words, credit = caption["text"].strip(), (caption.get("credit") or "").strip()
        start = text.find(words) if words and credit else -1
        if start < 0:
            continue
        end = start + len(words)
        while end < len(text) and text[end] in ".!?,;:":  # the caption's own full stop (filed without it)
            end += 1
        at = text.find(credit, end)
        between = text[end:at]
        if at < 0 or between.count("\n") > 2 or len(between) > _MOST_BETWEEN:
            continue
        stop = at + len(credit)
        for opening, closing in ("()", "[]"):
            if text[end:at].count(opening) > text[end:at].count(closing) and text[stop : stop + 1] == closing:
                stop += 1
        lead = end + len(text[end:stop]) - len(text[end:stop].lstrip(_CREDIT_SEPARATORS + "\n"))
        spans.append((text.rfind("\n", 0, start) + 1, end, lead, stop))
    spans.sort()
    return [s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][3]]


Edit = tuple[int, int, str]  # text[start:end] is replaced by the string


def _edited(text: str, edits: list[Edit]) -> str:
    """``text`` with each of ``edits`` (in text order, none overlapping) applied."""
    out, last = [], 0
    for start, end, replacement in edits:
        out += [text[last:start], replacement]
        last = end
    return "".join(out) + text[last:]


def _move_credits(text: str, gold: dict[str, Any], where: str) -> str:
    """Each caption's credit on its own line under the caption (``below``), above it (``above``), either with a
    blank line between (``below-blank``, ``above-blank``), or after it on the caption's line (``inline``)."""
    edits: list[Edit] = []
    for line_start, end, lead, stop in _credit_spans(text, gold):
        credit = text[lead:stop]
        if where.startswith("above"):
            edits += [(line_start, line_start, credit + ("\n\n" if where == "above-blank" else "\n")), (end, stop, "")]
        else:
            edits.append((end, stop, {"below": "\n", "below-blank": "\n\n", "inline": " "}[where] + credit))
    return _edited(text, edits)


_CREDIT_WRAPPING = re.compile(r"^([(\[]?\s*(?:[^:：/|]{1,20}[:：]\s*)?)(.*?)(\s*[)\]]?)$")


def _swap_sides(credit: str) -> str:
    """``Name/Agency`` -> ``Agency/Name``, its label and brackets kept in place ("(Photo: Name/Agency)"); a
    credit with more than one slash, or a bar, as it is."""
    m = _CREDIT_WRAPPING.match(credit)
    if m is None or m.group(2).count("/") != 1 or "|" in credit:
        return credit
    head, core, tail = m.groups()
    left, right = core.split("/")
    return f"{head}{right.strip()}/{left.strip()}{tail}"


def _upper_credits(text: str, gold: dict[str, Any]) -> str:
    """Each caption's credit, with its label, in capitals ("PHOTO: JOHN SMITH/REUTERS")."""
    return _edited(text, [(lead, stop, text[lead:stop].upper()) for _, _, lead, stop in _credit_spans(text, gold)])


def _swap_credits(text: str, gold: dict[str, Any]) -> str:
    """Every gold credit with one slash printed with its sides swapped, wherever the text has it."""
    credits = {c for c in gold.get("credits", []) if c.count("/") == 1}
    credits |= {c["credit"] for c in gold.get("captions", []) if (c.get("credit") or "").count("/") == 1}
    for credit in sorted(credits, key=len, reverse=True):
        text = text.replace(credit, _swap_sides(credit))
    return text


_BYLINE_REACH = 40  # lines from the top where the byline's line is looked for


def _rewrite_byline(text: str, gold: dict[str, Any], form: str) -> str:
    """The line that holds every gold author (the first such line near the top) rewritten as ``form`` with the
    names joined ("By {names}", "{names}"); an article whose authors stand on several lines is left as it is."""
    authors = [a for a in gold.get("authors") or [] if a]
    if not authors:
        return text
    lines = text.split("\n")
    for k, line in enumerate(lines[:_BYLINE_REACH]):
        if authors[0] in line:
            if all(a in line for a in authors):
                names = ", ".join(authors[:-1]) + " and " + authors[-1] if len(authors) > 1 else authors[0]
                lines[k] = form.format(names=names)
            break
    return "\n".join(lines)


# Page furniture between paragraphs, written for this benchmark in the languages of the caption files: the ads,
# "read more" links and prompts that scrapes keep ("Advertisement", "Lesen Sie auch: ...", "Publicidad")
NOISE: dict[str, tuple[str, ...]] = {
    "en": (
        "Advertisement",
        "Story continues below advertisement",
        "Read more: Harbour repairs to cost £2m, council says",
        "RELATED: Storm damage bill rises again",
        "Sign up to our free morning newsletter",
        "Share this article",
    ),
    "de": (
        "Anzeige",
        "Weiterlesen nach der Anzeige",
        "Lesen Sie auch: Hafen bleibt bis zum Sommer gesperrt",
        "Mehr zum Thema",
        "Artikel teilen",
    ),
    "es": ("Publicidad", "Lee también: El puerto seguirá cerrado hasta el verano", "Sigue leyendo"),
    "fr": ("Publicité", "Lire aussi : Le port restera fermé jusqu'à l'été", "La suite après cette publicité"),
    "sv": ("Annons", "Läs också: Hamnen stängd till sommaren"),
    "no": ("Annonse", "Les også: Havna stengt til sommeren"),
    "da": ("Annonce", "Læs også: Havnen lukket til sommer"),
}
_NOISE_EVERY = 3  # a furniture line after every third body paragraph


def _noise(text: str, gold: dict[str, Any]) -> str:
    """A furniture line of the article's language (English where none is listed) after every third gold body
    paragraph; the same lines in the same order for every run."""
    language = _language(text)
    lines = NOISE.get(language, NOISE["en"])
    ends = [end for _, end in _paragraph_spans(text, gold.get("body_paragraphs", [])[_NOISE_EVERY - 1 :: _NOISE_EVERY])]
    return _edited(text, [(end, end, "\n\n" + lines[k % len(lines)]) for k, end in enumerate(ends)])


def _paragraph_spans(text: str, paragraphs: list[str]) -> list[tuple[int, int]]:
    """Where each of ``paragraphs`` stands in ``text``, searched in order (those not found left out)."""
    spans, last = [], 0
    for paragraph in paragraphs:
        at = text.find(paragraph, last)
        if at >= 0:
            spans.append((at, at + len(paragraph)))
            last = at + len(paragraph)
    return spans


def _language(text: str) -> str:
    from py3langid.langid import classify  # the service's own language identifier

    return str(classify(text[:3000])[0])


_INVENTED_AGENCY = "Nordpress"  # an agency no list knows
_CREDIT_WORD = re.compile(r"[^\s/|,;()\[\]]+")


def _unknown_agency(credit: str) -> str:
    """``credit`` with every agency the lists know (one to three words: "AP", "Getty Images", "picture alliance")
    renamed to an agency no list knows, in the same case ("REUTERS" -> "NORDPRESS")."""
    from app.text.agencies import agency_of

    words = list(_CREDIT_WORD.finditer(credit))
    out, last, k = [], 0, 0
    while k < len(words):
        for size in (3, 2, 1):
            if k + size > len(words):
                continue
            a, b = words[k].start(), words[k + size - 1].end()
            if agency_of(credit[a:b]) is not None:
                name = _INVENTED_AGENCY.upper() if credit[a:b].isupper() else _INVENTED_AGENCY
                out += [credit[last:a], name]
                last, k = b, k + size
                break
        else:
            k += 1
    return "".join(out) + credit[last:]


def _unknown_agencies(text: str, gold: dict[str, Any]) -> str:
    """Every gold credit printed with its known agencies renamed (``_unknown_agency``), wherever the text has it."""
    credits = set(gold.get("credits", [])) | {c["credit"] for c in gold.get("captions", []) if c.get("credit")}
    for credit in sorted(credits, key=len, reverse=True):
        text = text.replace(credit, _unknown_agency(credit))
    return text


def _sentences_of(paragraph: str) -> list[str]:
    from app.text.sentences import split_sentences

    return [paragraph[x.start : x.end].strip() for x in split_sentences(paragraph, paragraph=True)]


def _one_sentence_paragraphs(text: str, gold: dict[str, Any]) -> str:
    """Every gold body paragraph printed one sentence a paragraph (a mobile page, a wire's short paragraphs)."""
    spans = _paragraph_spans(text, gold.get("body_paragraphs", []))
    return _edited(text, [(a, b, "\n\n".join(_sentences_of(text[a:b]))) for a, b in spans])


def _drop_credits(text: str, gold: dict[str, Any]) -> str:
    """The text without the credits ``_credit_spans`` finds (what a page that prints no credits gives)."""
    return _edited(text, [(end, stop, "") for _, end, _, stop in _credit_spans(text, gold)])


def _drop_gold_credits(text: str, gold: dict[str, Any]) -> None:
    """The gold of ``_drop_credits(text, gold)``: those captions without their credit, and the credit list
    without their strings (once for each caption)."""
    starts = {end for _, end, _, _ in _credit_spans(text, gold)}
    dropped: list[str] = []
    for caption in gold.get("captions", []):
        words = caption["text"].strip()
        at = text.find(words) if words else -1
        end = at + len(words)
        while at >= 0 and end < len(text) and text[end] in ".!?,;:":
            end += 1
        if at >= 0 and end in starts and caption.get("credit"):
            dropped.append(caption["credit"])
            caption["credit"] = ""
    credits = list(gold.get("credits", []))
    for credit in dropped:
        if credit in credits:
            credits.remove(credit)
    gold["credits"] = credits


# name -> (what it imitates, the rewrite of a record's text given its gold)
Variant = Callable[[str, dict[str, Any]], str]
VARIANTS: dict[str, tuple[str, Variant]] = {
    "original": ("the files as they are", lambda t, g: t),
    "wrap60": ("every line wrapped at 60 characters, blank lines kept", lambda t, g: _wrap(t, 60)),
    "wrap72": ("wrapped at 72 (a wire feed, an e-mail)", lambda t, g: _wrap(t, 72)),
    "wrap100": ("wrapped at 100", lambda t, g: _wrap(t, 100)),
    "one-newline": ("no blank lines: one line break a paragraph", lambda t, g: _one_newline(t)),
    "wrap80-one-newline": ("wrapped at 80 and no blank lines", lambda t, g: _one_newline(_wrap(t, 80))),
    "nbsp": ("a fifth of the spaces no-break spaces (&nbsp; kept)", lambda t, g: _nbsp(t)),
    "crlf-bom": ("CRLF line ends and a byte-order mark", lambda t, g: "\ufeff" + t.replace("\n", "\r\n")),
    "no-first-line": ("the first line (mostly the headline) left out", lambda t, g: _no_first_line(t)),
    "title-twice": ("the first line printed twice (a page's title and its headline)", lambda t, g: _first_twice(t)),
    "markdown-title": ("the first line as a Markdown heading", lambda t, g: "# " + t.lstrip()),
    "credit-below": ("each caption's credit on its own line under it", lambda t, g: _move_credits(t, g, "below")),
    "credit-above": ("each caption's credit on a line above it", lambda t, g: _move_credits(t, g, "above")),
    "credit-below-blank": (
        "each caption's credit under it, a blank line between",
        lambda t, g: _move_credits(t, g, "below-blank"),
    ),
    "credit-above-blank": (
        "each caption's credit above it, a blank line between",
        lambda t, g: _move_credits(t, g, "above-blank"),
    ),
    "credit-inline": ("each caption's credit after it on its line", lambda t, g: _move_credits(t, g, "inline")),
    "credit-none": ("each caption's credit left out (a page that prints none)", _drop_credits),
    "credit-caps": ("each caption's credit in capitals", _upper_credits),
    "credit-swapped": (
        "each caption's credit with the sides of its slash swapped (agency/name for name/agency)",
        _swap_credits,
    ),
    "byline-by": (
        "the byline's line as 'By {names}'",
        lambda t, g: _rewrite_byline(t, g, "By {names}"),
    ),
    "byline-bare": ("the byline's line as the names alone", lambda t, g: _rewrite_byline(t, g, "{names}")),
    "byline-dated": (
        "the byline's line as '{names} | 5 May 2026, 10:24'",
        lambda t, g: _rewrite_byline(t, g, "{names} | 5 May 2026, 10:24"),
    ),
    "credit-unknown-agency": ("every known agency in the credits renamed to one no list knows", _unknown_agencies),
    "one-sentence-paragraphs": ("every body paragraph printed one sentence a paragraph", _one_sentence_paragraphs),
    "noise": ("a line of page furniture (an ad, a 'read more' link) after every third paragraph", _noise),
    "caps-title": (
        "the headline in capitals",
        lambda t, g: t.replace(g["title"], g["title"].upper(), 1) if g.get("title") else t,
    ),
}
METRICS = ("captions", "credits", "body", "bylines")


def rewrite(name: str, path: Path, out: Path) -> list[Article]:
    """The articles of ``path`` rewritten by variant ``name``; the gold file for them (titles in capitals where
    the variant writes them so) at ``out``."""
    rewrite_text = VARIANTS[name][1]
    articles = []
    with path.open(encoding="utf-8") as fh, out.open("w", encoding="utf-8") as gold_out:
        for line in fh:
            record = json.loads(line)
            gold = record["gold"]
            text, record["text"] = record["text"], rewrite_text(record["text"], gold)
            if name == "credit-none":
                _drop_gold_credits(text, gold)
            if name == "one-sentence-paragraphs":  # the gold's paragraphs as the text now prints them
                found = [p for p in gold.get("body_paragraphs", []) if p in text]
                gold["body_paragraphs"] = [x for p in found for x in _sentences_of(p)]
            recredit = {"credit-swapped": _swap_sides, "credit-unknown-agency": _unknown_agency}.get(name)
            if recredit is not None:  # the gold's credits as the text now prints them
                gold["credits"] = [recredit(c) for c in gold.get("credits", [])]
                for caption in gold.get("captions", []):
                    caption["credit"] = recredit(caption.get("credit") or "")
            if name == "caps-title" and gold.get("title"):
                gold["title"] = gold["title"].upper()
            gold_out.write(json.dumps(record, ensure_ascii=False) + "\n")
            articles.append(Article(record["id"], record["text"]))
    return articles


def _row(metrics: dict[str, Any]) -> str:
    cells = [f"{float(metrics[m]['micro']['f1']):.3f}" for m in METRICS]
    spans = metrics["span_check"]
    cells += [
        f"{float(metrics['title_accuracy']):.3f}",
        f"{float(metrics['credit_leakage']['micro']):.3f}",
        f"{spans['mismatched']}/{spans['checked']}",
    ]
    return " | ".join(cells)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", nargs="+", choices=sorted(VARIANTS), help="these variants only")
    args = parser.parse_args(argv)
    if not SCORER.is_file():
        print(f"skipped: the evaluation data is not at {EVAL} (it is not part of the repository)")
        return 0
    names = ["original", *[n for n in (args.only or VARIANTS) if n != "original"]]
    folder = OUT / "variants"
    folder.mkdir(parents=True, exist_ok=True)
    print("micro F1 (captions | credits | body | bylines), title accuracy, credit leakage, spans not reproduced")
    print("| variant | file | captions | credits | body | bylines | title | leakage | spans off |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name in names:
        for file in FILES:
            gold = folder / f"{name}-{file}-gold.jsonl"
            articles = rewrite(name, CAPTIONS / f"{file}.jsonl", gold)
            docs = asyncio.run(enrich_all(articles, ["credits"]))
            pred = folder / f"{name}-{file}_pred.jsonl"
            with pred.open("w", encoding="utf-8") as fh:
                for doc_id, doc in docs.items():
                    fh.write(json.dumps({"id": doc_id, "document": doc}, ensure_ascii=False) + "\n")
            _, metrics = score(gold, pred)
            print(f"| {name} | {file} | {_row(metrics)} |", flush=True)
    print("\n".join(f"  {n}: {VARIANTS[n][0]}" for n in names))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
