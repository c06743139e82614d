"""The rule table of segmentation: every cue that can decide a block's kind, named, described and listed once.

A rule is a named detector in ``passes`` (what it looks at is in its description; the words it needs are in
``vocab``); when it fires on a block it proposes ``kind`` with ``confidence``, how clear-cut the cue is on its own
(0.95 for an explicit marker such as ``By`` or a credit label, about 0.5 for a decision from position or form
alone). The first rule to fire on a block gives the rules' reading of it; the combiner (``combiner``) then weighs
that reading with layout context and the neighbours, and every block reports the rules that fired on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.text.types import BlockKind


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    kind: BlockKind
    confidence: float
    description: str


def _rule(name: str, kind: BlockKind, confidence: float, description: str) -> Rule:
    return Rule(name, kind, confidence, description)


# line joins
SPLIT_CREDIT = _rule("split_credit", "credit", 0.9, "a credit split over lines ('(' / 'Image:' / 'Getty)') joined")
INLINE_PROMPT = _rule("inline_prompt", "boilerplate", 0.9, "a prompt cut out of a paragraph ('Scroll down for video')")
# page furniture
DATELINE = _rule("dateline", "dateline", 0.9, "a dateline standing alone ('AUBURN, Wash. —', 'LONDON 1996-12-06')")
LIVE_ENTRY_HEADER = _rule("live_entry_header", "boilerplate", 0.85, "the time header of a live-blog entry")
TIMESTAMP = _rule("timestamp", "boilerplate", 0.9, "a date, time or reading-time line ('Published ... 3 min read')")
EMBED_ATTRIBUTION = _rule("embed_attribution", "boilerplate", 0.9, "the signature of an embedded social post")
UI_LINE = _rule("ui_line", "boilerplate", 0.9, "a button, label, placeholder or video item ('Share', 'Watch: ...')")
BREADCRUMB = _rule("breadcrumb", "boilerplate", 0.9, "the page's place in the site ('Home > News > Local')")
RIGHTS_NOTICE = _rule(
    "rights_notice", "boilerplate", 0.9, "a rights notice for the article ('© 2026 Name. All rights reserved.')"
)
RIGHTS_NOTICE_OPENING = _rule(
    "rights_notice_opening",
    "boilerplate",
    0.85,
    "the copyright line right above a rights notice ('Copyright NAME.' / 'All rights reserved. ...')",
)
PROMO = _rule("promo", "boilerplate", 0.75, "a line about subscriptions, newsletters, apps or comments")
SIGNOFF_LINE = _rule(
    "signoff_line",
    "boilerplate",
    0.85,
    "a line that only names the story's makers ('(Reporting by ...; Editing by ...)')",
)
SYMBOLS_ONLY = _rule("symbols_only", "boilerplate", 0.8, "three characters or fewer, none a letter or digit")
PULL_QUOTE = _rule("pull_quote", "boilerplate", 0.6, "a quoted sentence alone that repeats text from elsewhere")
TEASER_HEADER = _rule("teaser_header", "boilerplate", 0.9, "a heading that opens a list of other articles")
TEASER_ITEM = _rule("teaser_item", "boilerplate", 0.7, "a headline-like line in the list after a teaser header")
VIDEO_START = _rule("video_start", "boilerplate", 0.9, "the start of a video or audio widget ('WATCH | ...')")
VIDEO_ZONE = _rule("video_zone", "boilerplate", 0.65, "a short line inside a video widget")
EMBED_POST = _rule("embed_post", "boilerplate", 0.7, "the text of an embedded post, before its signature")
EMBED_POST_LINK = _rule("embed_post_link", "boilerplate", 0.65, "a linked line of an embedded post")
PROMO_FOLLOWER = _rule("promo_follower", "boilerplate", 0.6, "a short line right after a promotion")
PROMO_BETWEEN = _rule("promo_between", "boilerplate", 0.6, "a short line between two promotions")
EDITOR_NOTE = _rule("editor_note", "editor_note", 0.9, "a line labelled 'Editor's note:' or 'Correction:'")
EDITOR_NOTE_LABEL = _rule(
    "editor_note_label", "boilerplate", 0.8, "an editor's note label alone on its line ('Hinweis')"
)
EDITOR_NOTE_BELOW_LABEL = _rule(
    "editor_note_below_label", "editor_note", 0.75, "the paragraph under an editor's note label"
)
NO_LETTERS = _rule("no_letters", "boilerplate", 0.6, "no letter or digit in the first 200 characters")
# credits and captions
CREDIT_LINE = _rule("credit_line", "credit", 0.95, "a line that is a credit: a label or a known agency")
CREDIT_LINE_FORM = _rule("credit_line_form", "credit", 0.75, "a line shaped like a credit ('Name/Organisation')")
CREDIT_RIGHTS_NOTICE = _rule(
    "credit_rights_notice", "credit", 0.8, "a photographer's name before a rights notice ('Name/Copyright 2026 ...')"
)
CREDIT_NAME_UNDER_CAPTION = _rule(
    "credit_name_under_caption", "credit", 0.55, "a person's name alone under a description between two paragraphs"
)
CREDIT_BARE_ORG = _rule("credit_bare_org", "credit", 0.6, "an organisation name alone after a caption-like line")
CREDIT_NEXT_LINE = _rule(
    "credit_next_line",
    "credit",
    0.55,
    "a name on the line right under a short description, the pair set off by blank lines ('...' / 'John Smith')",
)
CAPTION_INLINE_CREDIT = _rule("caption_inline_credit", "caption", 0.9, "a line that ends (or starts) with a credit")
CAPTION_OF_CREDIT = _rule("caption_of_credit", "caption", 0.8, "the line beside a credit line that it credits")
CAPTION_AFTER_GALLERY = _rule("caption_after_gallery", "caption", 0.8, "the line after a gallery control")
CAPTION_PREFIX = _rule("caption_prefix", "caption", 0.85, "an editor's note, TOPSHOT or FILE prefix of a caption")
CAPTION_LABEL = _rule("caption_label", "caption", 0.9, "a line labelled 'Image caption,' / 'Pictured:' / 'Légende :'")
CAPTION_PHOTO_OPENER = _rule(
    "caption_photo_opener", "caption", 0.75, "a short block opening 'In this photo ...' / 'This undated photo ...'"
)
CAPTION_POSITION = _rule("caption_position", "caption", 0.7, "a short line with '(left)', '(pictured)' ...")
CAPTION_DATED = _rule(
    "caption_dated", "caption", 0.6, "a caption ending in place and date ('..., April 14, 2024.', '＝東京で3日')"
)
CAPTION_RESTATED = _rule(
    "caption_restated", "caption", 0.55, "a line without a full stop that restates a nearby sentence word for word"
)
CAPTION_TEAM = _rule(
    "caption_team", "caption", 0.55, "a line between paragraphs naming a player and their team: 'Name (Club) ...'"
)
CAPTION_KEYWORD = _rule(
    "caption_keyword", "caption", 0.55, "a sentence under a keyword in capitals ('JUBEL: Name celebrates ...')"
)
CAPTION_BRACKET_NAME = _rule(
    "caption_bracket_name",
    "caption",
    0.55,
    "a line between two paragraphs ending, without a full stop, in a bracketed name: '... the bay (Coastal Homes)'",
)
CAPTION_UNDER_VIDEO = _rule("caption_under_video", "caption", 0.55, "a short line under a video timecode")
CAPTION_ORPHAN = _rule("caption_orphan", "caption", 0.5, "a description between prose and a live-blog entry")
CAPTION_LEAD_PICTURE = _rule("caption_lead_picture", "caption", 0.55, "a description after the byline")
# title and header
MENU_ITEM = _rule("menu_item", "boilerplate", 0.6, "a short line above the headline followed by another: a site menu")
KICKER = _rule("kicker", "boilerplate", 0.6, "a section label of one to three words above the headline")
TITLE_FIRST = _rule("title_first", "title", 0.9, "the first line, shaped like a headline")
TITLE_AFTER_FURNITURE = _rule("title_after_furniture", "title", 0.7, "the first headline-shaped line after furniture")
BARE_BY = _rule(
    "bare_by", "boilerplate", 0.9, "a line that is only a byline opener (By, von, por ...): the names follow"
)
BYLINE_AFTER_BY = _rule("byline_after_by", "byline", 0.9, "a name line after a bare 'By'")
BYLINE_OPENER = _rule("byline_opener", "byline", 0.95, "names after a byline opener ('By', 'Von', 'Por', 'Af' ...)")
BYLINE_IN_STAMP = _rule("byline_in_stamp", "byline", 0.75, "a person's name as one part of a date line near the title")
BYLINE_BY_DATE = _rule(
    "byline_by_date", "byline", 0.85, "a person's name beside the article's date line or above a job title"
)
BYLINE_NAME = _rule("byline_name", "byline", 0.8, "a bare person's name near the headline")
AGENCY_SIGNOFF = _rule("agency_signoff", "byline", 0.85, "a news agency alone on the story's last line ('TT', '(dpa)')")
INITIALS_SIGNOFF = _rule(
    "initials_signoff", "boilerplate", 0.7, "an editor's initials alone on the story's last line ('CT', '(mfh)')"
)
AGENCY_SIGNOFF_TAIL = _rule(
    "agency_signoff_tail", "body", 0.8, "the story's last paragraph, its wire's sign-off after it ('... ab. (dpa)')"
)
BYLINE_AGENCY_BY_DATE = _rule(
    "byline_agency_by_date", "byline", 0.8, "an agency alone ('AFP', 'Quelle: dpa') beside the date line near the title"
)
TITLE_REPEATED = _rule("title_repeated", "boilerplate", 0.9, "the headline printed again on the line under it")
BYLINE_WIRE_UNDER_BYLINE = _rule(
    "byline_wire_under_byline", "byline", 0.8, "a news agency alone under a byline ('By Jane Roe' / 'Associated Press')"
)
AUTHOR_BIO_HEADER = _rule("author_bio_header", "boilerplate", 0.7, "an author's biography in the header")
AUTHOR_BIO = _rule("author_bio", "boilerplate", 0.7, "an author's biography ('Jane Roe is a reporter ...')")
BEFORE_TITLE = _rule("before_title", "boilerplate", 0.5, "text before the title")
HEADER_SHORT = _rule("header_short", "boilerplate", 0.5, "a line of under four words in the header")
HEADER_HEADING = _rule("header_heading", "heading", 0.5, "a heading-like line in the header after other text")
HEADER_TEXT = _rule("header_text", "standfirst", 0.7, "text in the header between the title and the body")
STANDFIRST_SLOT = _rule("standfirst_slot", "standfirst", 0.55, "the first prose after the title, no byline")
# the rest
TICKER_ITEM = _rule("ticker_item", "body", 0.7, "an entry of a live ticker: a time, a dash, a line ('7h05 - ...')")
LIST_ITEM = _rule("list_item", "body", 0.7, "a bulleted line, or one ending in ',' or ';'")
QUESTION_HEADING = _rule("question_heading", "heading", 0.55, "one short question")
LABELLED_CLAUSE = _rule("labelled_clause", "body", 0.6, "'Label: text' with at least six words")
SOLID_PROSE = _rule("solid_prose", "body", 0.85, "a sentence of eight words or more, or twenty words")
PROSE = _rule("prose", "body", 0.7, "a short sentence")
SHORT_LINE = _rule("short_line", "heading", 0.6, "twelve words or fewer, no sentence end")
MEDIUM_LINE = _rule("medium_line", "heading", 0.5, "up to twenty words, no sentence end")
LONG_LINE = _rule("long_line", "body", 0.6, "over twenty words, no sentence end")
# the combiner's own reason when it overrides the rules
COMBINER = _rule("combiner", "body", 0.5, "the learned combiner's reading of the block in its context")

RULES: tuple[Rule, ...] = tuple(v for v in globals().values() if isinstance(v, Rule))
RULE_BY_NAME: dict[str, Rule] = {r.name: r for r in RULES}
assert len(RULE_BY_NAME) == len(RULES), "rule names must be unique"

DOC_START = "<!-- rule-table:start (generated by `make docs` from app/text/layout/rules.py) -->"
DOC_END = "<!-- rule-table:end -->"


def markdown_table() -> str:
    """The rule table as Markdown: name, kind, confidence, what it detects."""
    rows = ["| rule | kind | confidence | what it detects |", "|---|---|---|---|"]
    rows += [f"| `{r.name}` | {r.kind} | {r.confidence:.2f} | {r.description.replace('|', '/')} |" for r in RULES]
    return "\n".join(rows)


def updated_doc(doc: str) -> str:
    """``doc`` with the text between the rule-table markers replaced by the current table."""
    head, rest = doc.split(DOC_START, 1)
    _, tail = rest.split(DOC_END, 1)
    return f"{head}{DOC_START}\n{markdown_table()}\n{DOC_END}{tail}"


if __name__ == "__main__":
    import sys
    from pathlib import Path

    path = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/SEGMENTATION.md")
    path.write_text(updated_doc(path.read_text(encoding="utf-8")), encoding="utf-8")
    print(f"wrote the rule table into {path}")
