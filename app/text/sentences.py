"""Sentence splitting with offsets into the original text (pure functions, no I/O, linear time).

Three kinds of boundary:

* punctuation: ``. ! ? …`` (optionally closed by quotes or brackets), then whitespace, then something that can open
  a sentence (a capital, a digit, an opening quote or bracket, any letter of a script without case); the danda ``।``
  and other scripts' full stops alike. The ideographic ``。！？`` of Chinese and Japanese end a sentence whatever
  follows (those scripts put no space between sentences). Abbreviations (Mr., Gov., Jan. 27, No. 5), initials
  (George W. Bush) and dotted acronyms (U.N., U.S.) do not end a sentence unless the next word is one that typically
  opens one ("... in the U.S. The company ...").
* a missing space after a full stop in scraped text ("... that day.The Associated Press").
* a heading in capitals glued to the sentence after it ("BALL OF THE CENTURY Benaud was on hand ...").
* glued text: a picture caption or a heading pasted into the prose without punctuation, as scrapers of
  CNN/DailyMail-style pages produce ("... scored a stoppage time own goal But goalkeeper Manuel Neuer was ...").
  The boundary is inferred where a closed-class sentence opener (But, The, A, He, She, ...) is capitalised in the
  middle of running text, after a word that cannot introduce a name or a title (not "in", "said", "of" ...) and
  before a lower-case word. A line break after a line without final punctuation is also a boundary.

The sentences before such inferred boundaries have ``terminated=False``: they are the fragments a summary must
not quote (captions, headings, cut-off text).

Quoted speech is kept whole: when a sentence ends inside an open double quotation (“ „ « or a straight ``"``)
and the quotation closes within the next few sentences of the same span, those sentences become one
(``“First we can try. Then we will see.” he said.``). Pieces of a quotation that does not close within that
bound (a quotation running on into the next paragraph, a stray mark) keep their boundaries and get
``quote_fragment=True``: a summary must not quote them either, since each one opens or closes a quotation the
reader never sees the other end of. Single quotes are not tracked (’ is also the apostrophe).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from app.text.agencies import agency_of
from app.text.captionlike import PICTURE_AFTERTHOUGHT, PROMPT_PHRASE
from app.text.layout import vocab
from app.text.lexicon import US_STATE_ABBREVIATIONS, load_gazetteer
from app.text.names import ZH_NAME, unpunctuated_sentence, wordset, zh_name_spans


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of the text: ``text[start:end] == sentence.text`` (surrounding whitespace excluded).

    ``terminated`` is True when it ends with final punctuation (``. ! ? …``, optionally followed by closing
    quotes or brackets); a fragment glued to the next sentence, a heading or a cut-off tail is not terminated.
    ``quote_fragment`` is True for a piece of a double quotation that could not be kept whole (module docstring).
    """

    text: str
    start: int
    end: int
    terminated: bool
    quote_fragment: bool = False


# Abbreviations that never end a sentence (they precede a name).
_TITLES = wordset(
    "mr mrs ms messrs mme dr prof gov govs sen sens rep reps gen col lt sgt capt cmdr adm maj cpl pvt rev "
    "fr hon pres supt det insp atty st ste mt ft brig lieut cmdt"
)
# Abbreviations that do not end a sentence when a number follows ("Jan. 27", "No. 5", "Vol. 3").
_BEFORE_NUMBER = wordset(
    "jan feb mar apr jun jul aug sep sept oct nov dec no nos vol vols pp p para art fig figs ch sec ed eds op nr"
)
# Abbreviations that may end a sentence: only a typical sentence opener after them makes a boundary (US states'
# abbreviations too: "Palo Alto, Calif. Mayor ...").
_AMBIGUOUS = wordset(
    "inc ltd co corp plc llc jr sr bros etc vs v cf al approx est dept univ assn ave blvd rd hwy bhd pty cie mfg intl"
) | {a.rstrip(".").lower() for a in US_STATE_ABBREVIATIONS if "." not in a.rstrip(".")}
_NEVER = frozenset({"e.g", "i.e", "vs", "v", "cf", "viz", "ca", "approx"})


def is_abbreviation(token: str) -> bool:
    """Whether ``token`` ending in a full stop is an abbreviation whose stop is part of it (``Inc.``, ``Jr.``,
    ``Calif.``, ``Dr.``, ``St.``, an initial ``W.`` or a dotted acronym ``U.S.``), not a sentence's end. The words
    that abbreviate only before a number (``Jan. 5``, ``No. 3``) are words here: ``the Museum of Modern Art.``"""
    core = token.lstrip(_OPEN_QUOTES).rstrip(".")
    lower = core.lower()
    if lower in _NEVER or lower in _TITLES or lower in _AMBIGUOUS:
        return True
    if core + "." in US_STATE_ABBREVIATIONS:  # "W.Va."
        return True
    return bool(core) and _INITIALS.match(core + ".") is not None


# Closed-class words that open sentences. Capitalised after running text, they signal a boundary.
_OPENERS = wordset(
    "A An The But And He She It They We I His Her Its Their Our My This These Those There Then However "
    "Meanwhile Now Yesterday Today Earlier Later Last In On At After Before When While As If Although "
    "Though Some Many Most Both Police Officials"
)
# Openers used for glue boundaries: a subset that is rarely capitalised inside a name or a title.
_GLUE_OPENERS = wordset(
    "A An The But And He She It They We His Her Its Their This These Those There However Meanwhile "
    "Yesterday Today Earlier Last In When While After Although Some Many"
)
# Words after which a capitalised opener is probably part of a name or a title ("told The Times", "in The Hague",
# "starring in It", "type A").
_NAME_INTRODUCERS = wordset(
    "a an the of in on at to for from by with into onto about as and or nor but than that which who whom "
    "whose said says say told tells tell called calls named dubbed titled entitled starring starred star "
    "stars including include includes like via see watch read reads reading wrote writes write plays "
    "played play reporting reported report per versus vs vitamin type class category grade plan group "
    "section level exhibit part appendix route gate block platform terminal tier division league series "
    "model size item step phase option box row page chapter act scene article annex schedule column "
    "figure table flight room channel radio tv magazine newspaper paper book film movie show song album "
    "newspaper's daily weekly sunday monday tuesday wednesday thursday friday saturday when where while "
    "if because since until unless though although whether after before"
)

# "A and B", "A to Z": a letter, not an article
_LETTER_LINKS = frozenset({"and", "or", "to", "through", "nor", "&", "plus", "versus", "vs"})

_OPEN_QUOTES = "\"'‘“([«"
_CLOSE = "\"'’”)]»」』）〕】"
# sentence ends of other scripts: the Devanagari danda (।, ॥), the Arabic question mark and Urdu full stop (؟, ۔),
# the Ethiopic full stop (።); and the ideographic ends of Chinese and Japanese (。！？), see _IDEOGRAPHIC_BREAK
_OTHER_FINAL = "".join(vocab.OTHER_SCRIPT_STOPS)
_IDEOGRAPHIC_FINAL = "。！？"
_FINAL = ".!?…" + _IDEOGRAPHIC_FINAL + _OTHER_FINAL

# final punctuation, optional closers, then whitespace; the opener check and abbreviations are done in code
# repetitions are bounded so that a long run of marks ("!!!!...") costs linear, not quadratic, time
_PUNCT_BREAK = re.compile(r"[.!?…" + _OTHER_FINAL + r"]{1,8}[\"'’”)\]»]{0,4}(?=\s)")
# the full-width sentence ends of Chinese and Japanese (。！？), closed by brackets or quotes, end a sentence
# whatever follows: these scripts put no space between sentences ("可決した。総事業費は...", "「...だ。」と")
_IDEOGRAPHIC_BREAK = re.compile("[" + _IDEOGRAPHIC_FINAL + r"]{1,8}[」』）〕】”’\"']{0,4}")
# after a closed quotation, a quotative particle or a comma continues the sentence: "「...だ。」と市長は語った。"
_QUOTATIVE = frozenset("とっ、，")
# a full stop with no space after it, between a lower-case word and a capitalised word ("day.The")
_TIGHT_BREAK = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z]{2})")
_TIGHT_NOT_AFTER = frozenset(["com", "net", "org", "gov", "edu", "co", "uk", "io", "tv", "ca", "au", "de", "fr", "js"])
_WORD = re.compile(r"\S+")
_LINE_BREAKS = re.compile(r"\n(?:[^\S\n]*\n)*")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.)+$")


def split_sentences(text: str, start: int = 0, end: int | None = None, *, paragraph: bool = False) -> list[Sentence]:
    """The sentences of ``text[start:end]``, with offsets into ``text``. Linear in the length of the span. With
    ``paragraph`` the span is one paragraph (a block of the segmentation), whose line breaks a hard wrap made: they
    end no sentence; else a line break after a line without final punctuation may end one (a heading's)."""
    end = len(text) if end is None else end
    cuts = _punctuation_cuts(text, start, end)
    pieces: list[tuple[int, int]] = []
    prev = start
    for cut in [*cuts, end]:
        pieces.extend([(prev, cut)] if paragraph else _line_pieces(text, prev, cut))
        prev = cut
    sentences: list[Sentence] = []
    for a, b in pieces:
        for s, e in _glue_pieces(text, a, b):
            sentence = _trimmed(text, s, e)
            if sentence is not None:
                sentences.append(sentence)
    return _whole_quotations(text, sentences)


# Most sentences one quotation may span and still be kept whole, and most characters of the joined sentence.
MAX_QUOTE_SENTENCES = 4
MAX_QUOTE_CHARS = 800
_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_QUOTE_MARKS = re.compile("[" + re.escape('"' + _DOUBLE_OPEN + _DOUBLE_CLOSE) + "]")


def _quote_depths(text: str, start: int, end: int, depth: int) -> tuple[int, int, bool]:
    """Double-quotation depth after ``text[start:end]`` given ``depth`` before it, the lowest depth reached, and
    whether a curly closing mark closed nothing (its quotation opened before the span)."""
    lowest = depth
    unmatched = False
    for mark in _QUOTE_MARKS.finditer(text, start, end):  # the depth changes only at a mark
        i = mark.start()
        c = text[i]
        if c == '"':
            before = text[i - 1] if i > 0 else " "
            after = text[i + 1] if i + 1 < len(text) else " "
            if before.isdigit():  # 12" (inches)
                continue
            if (before.isspace() or before in "([{—–-") and not after.isspace():
                depth += 1
            elif not before.isspace() and not after.isalnum() and depth > 0:
                depth -= 1
        elif c == "“" and depth > 0:  # „German“ closes with it; English does not nest double quotes
            depth -= 1
        elif c in _DOUBLE_OPEN:
            depth += 1
        elif c in _DOUBLE_CLOSE:
            if depth == 0:
                unmatched = True
            depth = max(0, depth - 1)
        lowest = min(lowest, depth)
    return depth, lowest, unmatched


def _whole_quotations(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """Join the sentences of a quotation that spans several (up to ``MAX_QUOTE_SENTENCES``); flag the pieces of
    one that does not close within that bound (see the module docstring)."""
    out: list[Sentence] = []
    k = 0
    while k < len(sentences):
        first = sentences[k]
        depth, _, unmatched = _quote_depths(text, first.start, first.end, 0)
        if depth == 0:
            out.append(_as_fragment(first) if unmatched else first)
            k += 1
            continue
        # the quotation stays open after this sentence: look for the sentence that closes it
        j = k + 1
        while j < len(sentences) and j - k < MAX_QUOTE_SENTENCES and depth > 0:
            if not sentences[j - 1].terminated or sentences[j].end - first.start > MAX_QUOTE_CHARS:
                break
            depth, lowest, _ = _quote_depths(text, sentences[j].start, sentences[j].end, depth)
            j += 1
            if lowest == 0:
                break
        if depth == 0:
            last = sentences[j - 1]
            out.append(Sentence(text[first.start : last.end], first.start, last.end, last.terminated))
            k = j
            continue
        # not closed within the bound: each sentence until the quotation closes (or the span ends) is a piece
        out.append(_as_fragment(first))
        depth, _, _ = _quote_depths(text, first.start, first.end, 0)
        k += 1
        while k < len(sentences) and depth > 0:
            depth, _, _ = _quote_depths(text, sentences[k].start, sentences[k].end, depth)
            out.append(_as_fragment(sentences[k]))
            k += 1
    return out


def _as_fragment(sentence: Sentence) -> Sentence:
    return Sentence(sentence.text, sentence.start, sentence.end, sentence.terminated, quote_fragment=True)


def _trimmed(text: str, a: int, b: int) -> Sentence | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if a >= b:
        return None
    chunk = text[a:b]
    return Sentence(chunk, a, b, _is_terminated(chunk))


def _is_terminated(chunk: str) -> bool:
    stripped = chunk.rstrip(_CLOSE)
    return bool(stripped) and (stripped[-1] in _FINAL or unpunctuated_sentence(stripped))


_LOOK = 64  # how far a word is read around a candidate boundary (keeps the scan linear on giant tokens)


def _next_word(text: str, i: int, end: int) -> str:
    """The word that starts at or after ``text[i]`` (at most ``_LOOK`` characters of it)."""
    limit = min(end, i + _LOOK)
    while i < limit and text[i].isspace():
        i += 1
    j = i
    limit = min(end, i + _LOOK)
    while j < limit and not text[j].isspace():
        j += 1
    return text[i:j]


def _punctuation_cuts(text: str, start: int, end: int) -> list[int]:
    """Offsets where a new sentence starts, found from punctuation."""
    cuts: list[int] = []
    region = text[start:end]
    for m in _PUNCT_BREAK.finditer(region):
        mark_end = start + m.end()
        nxt = _next_word(text, mark_end, end)
        if not nxt or not _can_open(nxt):
            continue
        punct = m.group()
        if punct == "." and not _period_ends_sentence(region, m.start(), nxt):
            continue
        cuts.append(mark_end)
    for m in _TIGHT_BREAK.finditer(region):
        prev = _token_ending_at(region, m.start()).rstrip(".!?").lower()
        nxt = _next_word(region, m.start(), len(region))
        stem = nxt.rstrip(".,;:!?").lower()
        if stem in _TIGHT_NOT_AFTER or "." in prev or "/" in prev or "@" in prev:
            continue
        cuts.append(start + m.start())
    for m in _IDEOGRAPHIC_BREAK.finditer(region):
        quoted = m.end() - m.start() > 1 and region[m.end() - 1] not in _IDEOGRAPHIC_FINAL
        if m.end() < len(region) and not (quoted and region[m.end()] in _QUOTATIVE):
            cuts.append(start + m.end())
    cuts.sort()
    return cuts


def _token_ending_at(s: str, i: int) -> str:
    """The whitespace-free token that ends at ``s[i - 1]`` (at most ``_LOOK`` characters of it)."""
    j = i
    stop = max(0, i - _LOOK)
    while j > stop and not s[j - 1].isspace():
        j -= 1
    return s[j:i]


def _can_open(word: str) -> bool:
    """Whether ``word`` can open a sentence: a capital, a digit, an opening quote or bracket, or a letter of a
    script without case (Devanagari, Arabic, Hebrew, Thai, Chinese ...), where any word may open one."""
    first = word[0]
    if first in _OPEN_QUOTES:
        rest = word.lstrip(_OPEN_QUOTES)
        return not rest or not rest[0].islower()
    return first.isupper() or first.isdigit() or (first.isalpha() and first.lower() == first.upper())


def _period_ends_sentence(region: str, dot: int, nxt: str) -> bool:
    """Whether the full stop at ``region[dot]`` ends a sentence, given the next word ``nxt``."""
    token = _token_ending_at(region, dot + 1)
    core = token.lstrip(_OPEN_QUOTES).rstrip(".")
    lower = core.lower()
    next_bare = nxt.lstrip(_OPEN_QUOTES).rstrip(".,;:!?\"'’”)")
    opener_follows = next_bare in _OPENERS
    if lower in _NEVER:
        return False
    if core.isdigit() and len(core) <= 2 and next_bare.casefold() in vocab.MONTH_WORDS:
        return False  # an ordinal date: "am 3. März", "den 5. maj"
    if lower in _TITLES:
        return False
    if lower in _BEFORE_NUMBER:
        return not nxt[0].isdigit()
    if lower in _AMBIGUOUS:
        return opener_follows
    if _INITIALS.match(core + ".") and core[:1].isupper():
        # an initial (W.) or a dotted acronym (U.S.): a boundary only before a typical opener
        return opener_follows
    return True


def _line_pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` at blank lines, and at line breaks after a line without final punctuation (a heading,
    a caption) when the next line can open a sentence; a line break inside a running sentence is kept."""
    pieces: list[tuple[int, int]] = []
    prev = a
    for m in _LINE_BREAKS.finditer(text, a, b):
        line = text[prev : m.start()]
        if not line.strip() or m.end() >= b:
            continue
        nxt = _next_word(text, m.end(), b)
        if m.group().count("\n") > 1 or (not _is_terminated(line.rstrip()) and _can_open(nxt)):
            pieces.append((prev, m.start()))
            prev = m.start()
    pieces.append((prev, b))
    return pieces


def _glue_pieces(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Split ``text[a:b]`` where a sentence opener is glued to the end of a fragment without punctuation, after a
    picture reference such as "(pictured)" followed by a capital, and after a call to action ("Scroll down for
    video")."""
    cuts = [m.end() for m in PROMPT_PHRASE.finditer(text, a, b) if _can_open(_next_word(text, m.end(), b) or "a")]
    words = [(m.start(), m.group()) for m in _WORD.finditer(text, a, b)]
    opener = a + dateline_end(text[a : min(b, a + _DATELINE_MAX_CHARS)])  # "New Delhi, Dec 5 (PTI) The ..."
    heading = _capitals_heading(words)
    if heading and words[heading][0] != opener:  # "WASHINGTON (AP) The ..." is a dateline, not a heading
        cuts.append(words[heading][0])
    words_since = 0
    for k in range(1, len(words) - 1):
        words_since += 1
        before_pos, before = words[k - 1]
        pos, word = words[k]
        _, after = words[k + 1]
        if pos == opener:
            continue  # a dateline's bracket ends no fragment: its sentence goes on
        if before.endswith(")") and word[0].isupper() and _picture_parenthetical(text, before_pos + len(before)):
            cuts.append(pos)
            words_since = 0
            continue
        if word not in _GLUE_OPENERS or words_since < 3:
            continue
        last = before[-1]
        if not (last.islower() or last.isdigit() or last in ")’”\"'"):
            continue
        bare_before = before.strip(_OPEN_QUOTES + _CLOSE + ",;:").lower()
        if last not in ")’”" and bare_before in _NAME_INTRODUCERS:
            continue
        first_after = after.lstrip(_OPEN_QUOTES)[:1]
        if not first_after or not first_after.islower() or (word in ("A", "An") and after in _LETTER_LINKS):
            continue
        if len(words) - k - 1 < 3:  # too short a tail to be a sentence of its own
            continue
        cuts.append(pos)
        words_since = 0
    pieces: list[tuple[int, int]] = []
    prev = a
    for cut in sorted(set(cuts)):
        if a < cut < b:
            pieces.append((prev, cut))
            prev = cut
    pieces.append((prev, b))
    return pieces


def _capitals_heading(words: list[tuple[int, str]]) -> int:
    """Words in a run of capitals opening the text ("BALL OF THE CENTURY Benaud was ..."): a heading glued to
    the sentence after it. 0 when there is none (acronyms such as "UK PM Rishi ..." are too short to count)."""
    k = 0
    while k < len(words) and words[k][1].isupper() and any(c.isalpha() for c in words[k][1]):
        k += 1
    if k == len(words) or k < 2:
        return 0
    letters = sum(c.isalpha() for _, w in words[:k] for c in w)
    after = words[k][1]
    if (k >= 3 or letters >= 10) and after[:1].isupper() and any(c.islower() for c in after):
        return k
    return 0


def _picture_parenthetical(text: str, close: int) -> bool:
    """Whether the parenthetical that closes at ``text[close - 1]`` refers to a picture ("(pictured)", "(left)")."""
    opening = text.rfind("(", max(0, close - 60), close)
    return opening != -1 and PICTURE_AFTERTHOUGHT.search(text, opening, close) is not None


# "(CNN)", "LONDON (Reuters) -", "LONDON, March 4 (Reuters) -", "Sevilla, 5 mar (EFE).-", "Madrid, 12 de marzo
# (EFE).-", "Berlin, 3. März (dpa) -", "New Delhi, India (CNN)", "WASHINGTON —", "AUBURN, Wash. —", the Chinese
# "新华社北京12月6日电（记者 赵强）" (Xinhua, Beijing, December 6, by wire; the reporter in brackets), Taiwan's CNA
# "（中央社記者王飛華台北14日電）" (the agency, its reporter, the place and day, in brackets), a place in
# ordinary case before a dash ("Jakarta - Pemerintah ...", "Berlin – Der ..."), a press release's "RIVERTON, Ore.,
# Dec. 6, 2026 /PRNewswire/ --" or "... (BUSINESS WIRE)--", and a place in capitals before a colon ("KOTA BHARU: More
# than ...", "NEW DELHI: The ...", Malaysian, Singaporean, Indian and Pakistani papers; not a story label: "UPDATE:")
# or a full stop ("BERLIN. Der ..."); an agency of two words in capitals ("MADRID, 5 Dic. (EUROPA PRESS) -"), a colon
# after the agency ("OSLO (NTB):"), a day and a month after a place in capitals ("ROMA, 05 DIC -"), a year in the date
# ("Kyiv, 5 December 2026 (Ukrinform) –"), the Korean wire's "(서울=연합뉴스) 홍길동 기자 =" (Seoul, Yonhap; the
# reporter and the title before an equals sign)
_DATELINE = re.compile(
    r"""^(?:(?:[A-Z][\w.'’-]*(?:,?\s+(?:[A-Z][\w.'’-]*|\d{1,2}\.?|\d{4}|de|(?i:"""
    + vocab.month_pattern()
    + r"""))){0,5}\s*)?\((?P<agency>[A-Za-zÀ-ž][A-Za-zÀ-ž]{1,15}(?:/[A-Za-z]{2,10}|\s[A-Z]{2,15})?)\)\.?
    (?:\s*(?:[-—–]{1,2}|:)\s*|(?P<space>\s+)?(?=[A-Z‘'"“]))
    |[A-Z]{2,}(?:[ .'’-]+[A-Z]{2,})*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?|,\s*\d{1,2}\.?\s(?i:"""
    + vocab.month_pattern()
    + r"""))?\s+[—–-]{1,2}\s+(?=\S)
    |(?P<caps_place>[A-Z]{3,}(?:[ .'’-][A-Z]{2,}){0,2})[:.]\s(?=[A-Z“"‘])
    |[A-Z]{2,}(?:[ .'’-]+[A-Z]{2,})*(?:,\s*[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?,\s(?i:"""
    + vocab.month_pattern()
    + r""")\s\d{1,2},\s\d{4}\s?(?:/[A-Za-z][\w ]{1,30}/|\([A-Z][A-Za-z ]{1,30}\))\s?[—–-]{1,2}\s?(?=\S)
    |[（(][\u3400-\u9fff]{2,16}?[0-9０-９]{1,2}日[电電][）)]\s?
    |[\u3400-\u9fff]{2,16}?[0-9０-９]{1,2}月[0-9０-９]{1,2}日[电電]
    (?:（(?:(?:"""
    + vocab.alternation(vocab.ZH_REPORTER_TITLES)
    + r""")\ ?(?P<reporters>"""
    + ZH_NAME
    + r"""(?:[、\ ]"""
    + ZH_NAME
    + r"""){0,3})|[^（）\n]{1,40})）)?\s?
    |\([가-힣]{1,10}\s?=\s?[가-힣A-Za-z0-9]{2,12}\)\s?
    (?:(?P<ko_reporters>[가-힣]{2,4}(?:\s?[·ㆍ,]\s?[가-힣]{2,4}){0,3})\s?(?:"""
    + vocab.alternation(vocab.KO_REPORTER_TITLES)
    + r""")\s?=\s?)?
    |(?P<place>[A-ZÀ-Þ][a-zß-ÿ'’.]{2,20}(?:\s[A-ZÀ-Þ][a-zß-ÿ'’.]{2,20}){0,2})\s[-–—]{1,2}\s(?=[A-ZÀ-Þ„“"]))""",
    re.VERBOSE,
)


_DATELINE_MAX_CHARS = 200
_KO_NAME = re.compile("[가-힣]{2,4}")
_STORY_LABEL_WORDS: frozenset[str] = frozenset(vocab.union(vocab.STORY_LABELS))
_SENTENCE_PEEK = 4  # after a place and a dash, a sentence has a lower-case word among its first four
_CLAUSE_END = re.compile(r"[(,:;]")


def _dateline_match(text: str) -> re.Match[str] | None:
    """The dateline that opens ``text`` and is followed by its story, or None."""
    m = _DATELINE.match(text)
    if m is None or m.end() >= len(text):
        return None
    if m.group().split()[0].casefold().rstrip(":") in _STORY_LABEL_WORDS:
        return None  # "Update - The ...", "Exklusiv – Der ...", "WATCH: ...": a story's label, not a place
    if m.group("caps_place") is not None and not load_gazetteer().is_place(m.group("caps_place")):
        return None  # "FORTVILET: Her tror ...": a caption's keyword; "KOTA BHARU: More than ...": a place
    if m.group("place") is not None:
        clause = _CLAUSE_END.split(text[m.end() : m.end() + _DATELINE_MAX_CHARS], maxsplit=1)[0]
        if not any(w[:1].islower() for w in clause.split()[:_SENTENCE_PEEK]):
            return None  # "Romania - Viorel Moldovan ( 21st minute ) , ...", "India - Sachin Tendulkar ( captain )"
    agency = m.group("agency")  # "dpa/lni": the agency and its regional service; "EUROPA PRESS": two in capitals
    if agency and (agency[0].islower() or m.group("space")) and agency_of(agency.split("/")[0]) is None:
        # a bracket in lower case, or followed by a space and no dash ("New Delhi, Dec 5 (PTI) The ..."), is a
        # dateline's only when it names an agency ("(dpa)"): "(Update) The ..." is not one
        return None
    return m


def dateline_end(text: str) -> int:
    """Where the dateline that opens ``text`` ends ("LONDON (Reuters) -", "Berlin (dpa) -", "(CNN)"); 0 when it
    opens with none."""
    m = _dateline_match(text)
    return m.end() if m is not None else 0


def dateline_agency(text: str) -> tuple[int, int] | None:
    """The agency that the dateline opening ``text`` names in brackets ("WASHINGTON (AP) —" -> AP, "(CNN)" -> CNN),
    offsets into ``text``: the story's source, which wrote it, not one of its subjects."""
    m = _dateline_match(text[:_DATELINE_MAX_CHARS])
    return m.span("agency") if m is not None and m.group("agency") is not None else None


def dateline_reporters(text: str) -> list[tuple[int, int]]:
    """The reporters that the dateline opening ``text`` names, offsets into ``text``: the Chinese wire's bracket
    ("新华社北京12月6日电（记者 赵强、孙悦）" -> 赵强, 孙悦), the Korean wire's ("(서울=연합뉴스) 홍길동 기자 =" ->
    홍길동); [] for any other dateline or none."""
    m = _DATELINE.match(text[:_DATELINE_MAX_CHARS])
    if m is not None and m.group("ko_reporters") is not None:  # "(서울=연합뉴스) 홍길동·김철수 기자 ="
        return [
            (n.start() + m.start("ko_reporters"), n.end() + m.start("ko_reporters"))
            for n in _KO_NAME.finditer(m.group("ko_reporters"))
        ]
    if m is None or m.group("reporters") is None:
        return []
    return zh_name_spans(m.group("reporters"), m.start("reporters"))


def without_dateline(sentence: Sentence) -> Sentence:
    """``sentence`` without a leading dateline ("LONDON (Reuters) -", "(CNN)"), offsets kept exact."""
    cut = dateline_end(sentence.text)
    if cut == 0:
        return sentence
    return Sentence(
        sentence.text[cut:], sentence.start + cut, sentence.end, sentence.terminated, sentence.quote_fragment
    )


# Spaces of other widths (no-break, narrow no-break, figure, thin, typographic ...) and line and paragraph
# separators, and the zero-width spaces (zero-width space, word joiner, byte-order mark): one declaration for the two
# readings of them. Quoted (``display_text``), spaces of every width, tabs and line breaks are one space, and soft
# hyphens, zero-width characters and direction marks are dropped; read by the rules (``plain``), each is a plain
# space, the text keeping its length (the ideographic space stays: Japanese pages set it on purpose).
_WIDE_SPACES = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f"
_ZERO_WIDTH_SPACES = "\u200b\u2060\ufeff"
_LAYOUT_SPACE = re.compile(rf"[\s{_WIDE_SPACES}\u3000]+")
_INVISIBLE = re.compile(r"[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_PLAIN_SPACE = re.compile(f"[{_WIDE_SPACES}{_ZERO_WIDTH_SPACES}]")


def plain(text: str, *, one_line: bool = False) -> str:
    """``text`` as the rules read it, the same length (every offset holds): each space of another width or
    zero-width space a plain space; with ``one_line`` each line break too (a block joined from wrapped lines)."""
    text = _PLAIN_SPACE.sub(" ", text)
    return text.replace("\r", " ").replace("\n", " ") if one_line else text


def join_sentences(texts: Sequence[str]) -> str:
    """Sentences as one text: a space between two, none after an ideographic sentence end (``。``, ``！``, ``？``,
    with its closing brackets), as Chinese and Japanese print them."""
    out: list[str] = []
    for text in texts:
        if out and not out[-1].rstrip(_CLOSE).endswith(tuple(_IDEOGRAPHIC_FINAL)):
            out.append(" ")
        out.append(text)
    return "".join(out)


# a hyphen a wrap left at a line's end, between two letters: "Saint-" / "Denis", "well-" / "known"
_WRAPPED_HYPHEN = re.compile(r"(?<=[^\W\d_]-)[^\S\n]*\r?\n\s*(?=[^\W\d_])")


def display_text(text: str) -> str:
    """``text`` as a reader should see it quoted: layout characters normalised, runs of spaces collapsed, no
    space at either end, a word the wrap cut at its hyphen whole again ("Saint-Denis"). Only the text changes;
    offsets of the span it came from stay those of the input."""
    return _LAYOUT_SPACE.sub(" ", _WRAPPED_HYPHEN.sub("", _INVISIBLE.sub("", text))).strip()
