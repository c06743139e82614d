"""Personal names in credits and bylines: recognising them, finding them in a line, printing them in name case.

Pure functions over short strings. Every scan is a single pass over whitespace-separated tokens (no regex with
nested quantifiers), so a pathological line costs time linear in its length.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from app.text.agencies import agency_of, wire_service_of
from app.text.layout import vocab
from app.text.lexicon import load_gazetteer


def wordset(spec: str) -> frozenset[str]:
    """A word list written as whitespace-separated words."""
    return frozenset(spec.split())


# Lower-case particles inside names ("Frank van Beek", "Ana de la Cruz").
PARTICLES: frozenset[str] = wordset(
    """
    al bin da das de del della den der di dos du el ibn la le st st. ten ter van von y
    """
)

# Lower-case words that may stand inside a name of several words, never at its end ("Bureau of Engraving and
# Printing", "The Mail on Sunday", "Deutsche Welle für Europa"): the particles and the connectives of titles.
NAME_CONNECTIVES: frozenset[str] = PARTICLES | {
    "of", "the", "for", "via", "in", "on", "at", "de", "von", "van", *vocab.union(vocab.CONJUNCTIONS)
}  # fmt: skip

# Words that end a byline name: job titles and desks ("Jon King, News Reporter", "Amy Gibbons Political
# Correspondent"), and the words that introduce an affiliation ("for Dailymail.com", "The Associated Press").
ROLE_WORDS: frozenset[str] = wordset(
    """
    adviser advisor affairs agency analyst and arts assistant associate at audience breaking bureau business chief
    columnist commissioning consumer content contributing contributor correspondant correspondent correspondents
    cricket crime critic culture daily deputy desk digital director economics economy editor editors education
    entertainment environment executive f1 fashion features fellow food football for foreign freelance from global
    golf head health host hub in intern investigations investigative journalist lifestyle live local manager
    managing money motoring national news newsroom of officer on opinion parliamentary photographer political posted
    presenter producer property published reporter reporters royal rugby science senior showbiz special specialist
    sport sports staff team tech technology tennis the travel trends updated via videographer weekend with world
    writer writers
    """
) | frozenset(vocab.JOB_TITLE_WORDS)

# Capitalised words that are page furniture or section names, never part of a personal name.
NOT_NAME_WORDS: frozenset[str] = wordset(
    """
    who what why how when where which whose whom this that these those his her their its our my we they he she
    it i me us him them is are was were has have had will would can could should may might must not no yes
    a academy account ad ads advertisement agency airport an analysis app apr april archive article articles
    association aug august author authors back bank bio bluesky center centre championship chronicle city click
    close club college comment comments commission committee company conditions contact contents continue cookie
    cookies corp corporation council county court courtesy cup current daily day dec december deeper department
    digital dive donate e-mail election elections email event events exclusive explainer express facebook feb
    february follow foundation free friday fund gallery gazette government group guardian handout herald home
    hospital house image images inc independent instagram institute issue jan january journal jul july jun june key
    kingdom latest league library linkedin listen llc loading log login ltd magazine mail main mar march media menu
    ministry mirror monday more most museum nations network news newsletter newsletters next nov november now
    observer oct october offer offers office online open party photo photos picture pictures pinterest play plc
    podcast podcasts police policy politics pool popular post premium press print privacy productions profile
    project radio read reddit register related republic review road saturday school search sep sept september
    service services share sharing shimbun sign skip social speed sponsored sportswire standard star state states
    stock stories story street studio studios subscribe subscription summary sun sunday support table tap telegram
    telegraph terms the thursday tiktok times today top topic topics trending tribune trust tuesday tv twitter
    unavailable union university unlock update updates via video videos view war watch wednesday week weekly
    whatsapp wire x yesterday youtube
    """
) | frozenset(vocab.union(vocab.INSTITUTION_WORDS))

_MONTHS: frozenset[str] = frozenset(vocab.MONTHS["en"])  # English only: "Mai", "Juni", "April" are also names
# Months that are also first names ("Jan Woitas", "April Dunn", "June Kim"); "March Madness" is no person
_FIRST_NAME_MONTHS: frozenset[str] = frozenset({"jan", "april", "may", "june", "august"})
_TIME_WORDS: frozenset[str] = frozenset(
    {"ago", "min", "mins", "minute", "minutes", "hour", "hours", "hr", "hrs", "day", "days", "week", "weeks"}
    | {"month", "months", "year", "years", "second", "seconds", "sec", "secs", "just", "now", "am", "pm", "a.m."}
    | {"p.m.", "updated", "published", "posted", "today", "yesterday", "|", "•", "·", "-", "–", "—", "on", "at"}
    | {"read", "reading"}  # "Jane Roe 2 minutes read"
    | _MONTHS
)
# Page furniture that is glued to or follows a byline name ("By Sarah Lazare Twitter", "Victoria O'Regan Follow").
_UI_TAIL: frozenset[str] = frozenset(
    {"twitter", "x", "facebook", "instagram", "linkedin", "bluesky", "rss", "threads", "mastodon"}
    | set(vocab.union(vocab.PROFILE_BUTTONS))
)

_JOINERS: frozenset[str] = frozenset(vocab.union(vocab.CONJUNCTIONS))
_GLUED_TAIL_WORDS: frozenset[str] = ROLE_WORDS | _UI_TAIL | NOT_NAME_WORDS
_TOKEN = re.compile(r"\S+")
_EDGE_PUNCT = " ,;:!?()[]{}\"'“”‘’*•·|&+"
_STRIP_DIGITS = re.compile(r"[0-9]{1,6}$")
# A glued pair of words: "MackenzieLifestyle", "LazareTwitter" (not "McDonald", "MacKenzie", "DeSantis").
_CAMEL = re.compile(r"^([A-ZÀ-Þ][a-zß-ÿ'’]{2,40})([A-ZÀ-Þ][A-Za-zÀ-ÿ'’-]{0,40})$")
_GLUED_DIGIT = re.compile(r"^([^\d]{2,40}?)(\d[\d:.,]{0,12})$")


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A personal name inside a string: ``s[start:end]``."""

    start: int
    end: int


def _is_initial(word: str) -> bool:
    return (len(word) == 1 and word.isalpha() and word.isupper()) or (
        len(word) == 2 and word[0].isalpha() and word[0].isupper() and word[1] == "."
    )


def is_name_word(word: str) -> bool:
    """A word that can be part of a personal name: ``Kryeziu``, ``O'Regan``, ``Wilson-Smith``, ``DILKOFF``."""
    if not word or len(word) > 30 or not word[0].isalpha() or not word[0].isupper():
        return False
    if word.casefold().strip(".") in NOT_NAME_WORDS:
        return False
    letters = [c for c in word if c.isalpha()]
    if len(letters) < 2:
        return False
    return all(c.isalpha() or c in "'’-." for c in word)


def looks_like_person_name(text: str) -> bool:
    """2 to 5 name words (particles and initials allowed inside), nothing else: ``Frank van Beek``."""
    words = text.split()
    if not 2 <= len(words) <= 5:
        return False
    first_ok = is_name_word(words[0]) or _month_as_first_name(words[0], words[1])
    if not first_ok and _is_initial(words[0]) and len(words) >= 3:
        first_ok = is_name_word(words[1])  # "J. Scott Applewhite": an initial, then a first name
    if not first_ok or not is_name_word(words[-1]):
        return False  # "Jan Woitas", "April Dunn": a month that is a first name opens a name
    return all(is_name_word(w) or _is_initial(w) or w.casefold() in PARTICLES for w in words[1:-1])


def _cap_piece(piece: str) -> str:
    if not piece:
        return piece
    low = piece.lower()
    if low.startswith("mc") and len(low) > 2:
        return "Mc" + low[2].upper() + low[3:]
    return low[0].upper() + low[1:]


def _cap_word(word: str, *, first: bool) -> str:
    low = word.lower()
    if not first and low in PARTICLES:
        return low
    out = []
    for part in re.split(r"(['’-])", word):
        if part in ("'", "’", "-"):
            out.append(part)
        else:
            out.append(_cap_piece(part))
    return "".join(out)  # O'REGAN -> O'Regan, JEAN-PAUL -> Jean-Paul


def name_case(name: str) -> str:
    """``DIMITAR DILKOFF`` -> ``Dimitar Dilkoff``; a name already in mixed case is kept (``Frank van Beek``)."""
    words = name.split()
    if any(c.islower() for c in name):
        return " ".join(words)
    return " ".join(_cap_word(w, first=i == 0) for i, w in enumerate(words))


def _clean_token(raw: str) -> tuple[str, int, int, bool]:
    """Strip edge punctuation and a glued number from a token: (word, offset in raw, end in raw, stops)."""
    lead = len(raw) - len(raw.lstrip(_EDGE_PUNCT))
    word = raw.strip(_EDGE_PUNCT)
    stops = raw.rstrip().endswith((",", ";", "&", "|", ":"))  # a name never runs over a colon ("Label: Jane Roe")
    if len(word) > 2 and word.endswith("."):
        word = word.rstrip(".")
        stops = True
    glued = _GLUED_DIGIT.match(word)
    if glued:
        word = glued.group(1)
        stops = True
    elif _STRIP_DIGITS.search(word) and not word.isdigit():
        word = _STRIP_DIGITS.sub("", word)
        stops = True
    return word, lead, lead + len(word), stops


@dataclass(frozen=True, slots=True)
class _Scan:
    names: tuple[NameSpan, ...]
    rest_is_furniture: bool  # nothing but roles, times or share buttons after the names


def _scan_names(s: str, offset: int, limit: int = 40) -> _Scan:
    """Scan the names at the start of ``s``: names joined by commas, "and", "&"; stop at anything else."""
    names: list[NameSpan] = []
    current: list[tuple[int, int, str]] = []
    tokens = list(_TOKEN.finditer(s[:400]))[:limit]
    i = 0
    rest_ok = True

    def close() -> None:
        if 2 <= len(current) <= 5 and current[-1][2].casefold() not in PARTICLES and not _is_initial(current[-1][2]):
            names.append(NameSpan(offset + current[0][0], offset + current[-1][1]))
        current.clear()

    while i < len(tokens):
        tok = tokens[i]
        raw = tok.group()
        word, a, b, stops = _clean_token(raw)
        low = word.casefold()
        camel = _CAMEL.match(word)
        if low in _JOINERS or raw in (",", ";", "&"):  # "A and B", "A und B", "A , B"
            close()
            i += 1
            continue
        if camel and camel.group(2).casefold().strip(".") in _GLUED_TAIL_WORDS and current:
            current.append((tok.start() + a, tok.start() + a + len(camel.group(1)), camel.group(1)))
            close()
            rest_ok = _only_furniture(tokens[i + 1 :], first=camel.group(2))
            return _Scan(tuple(names), rest_ok)
        if not current and stops and agency_of(word) is not None and i + 1 < len(tokens):
            names.append(NameSpan(offset + tok.start() + a, offset + tok.start() + b))  # "Reuters, Jane Roe"
            i += 1
            continue
        if not current and i + 1 < len(tokens) and _month_as_first_name(word, tokens[i + 1].group()):
            current.append((tok.start() + a, tok.start() + b, word))  # "Jan Kixmüller", "April Ryan"
            i += 1
            continue
        if is_name_word(word) or (current and (_is_initial(word) or low in PARTICLES)):
            if low in ROLE_WORDS or low in _UI_TAIL:
                joiner = _next_author(tokens, i) if low in ROLE_WORDS else None
                if joiner is None:
                    break
                # "By Jane Roe, Senior Reporter, and John Doe": after a first author the words before the title
                # are the title's ("Senior"), not a name; the joiner after it opens the next author
                if names:
                    current.clear()
                else:
                    close()
                i = joiner
                continue
            if len(current) >= 2 and agency_of(s[tok.start() : tok.start() + 60].strip()) is not None:
                break  # "By JANE ROE Associated Press": the writer, then the wire she writes for
            current.append((tok.start() + a, tok.start() + b, word))
            if stops:
                close()
            i += 1
            continue
        break
    close()
    if i < len(tokens):
        rest_ok = _only_furniture(tokens[i:])
    return _Scan(tuple(names), rest_ok)


def _next_author(tokens: list[re.Match[str]], i: int) -> int | None:
    """The index of the joiner after the job title at ``tokens[i]`` when another name follows it ("Senior
    Reporter, and John Doe"); None when the title ends the byline."""
    j = i + 1
    while j < len(tokens) and (w := _clean_token(tokens[j].group())[0].casefold()) in ROLE_WORDS and w not in _JOINERS:
        j += 1
    if j + 1 < len(tokens) and _clean_token(tokens[j].group())[0].casefold() in _JOINERS:
        return j if is_name_word(_clean_token(tokens[j + 1].group())[0]) else None
    return None


def _month_as_first_name(word: str, following: str) -> bool:
    """A month name that is also a first name ("Jan", "April", "June") opening a name: followed by a name word,
    not by a day number ("Jan 5")."""
    return (
        word.casefold() in _FIRST_NAME_MONTHS
        and word[:1].isupper()
        and word[1:].islower()
        and (is_name_word(_clean_token(following)[0]) or _clean_token(following)[0] in PARTICLES)
    )  # "Jan de Vries"


_HANDLE = re.compile(r"@[A-Za-z0-9_.]{2,30}")
_POST_PLACE_PREPOSITIONS: frozenset[str] = frozenset(vocab.union(vocab.POST_PLACE_PREPOSITIONS))
# the job titles a place may follow (not the desks and fillers of ROLE_WORDS such as "in", "the", "live")
_POST_ROLES: frozenset[str] = vocab.JOB_TITLE_WORDS | wordset(
    "correspondent correspondents correspondant editor reporter journalist writer producer chief bureau"
)


def _only_furniture(tokens: list[re.Match[str]], first: str | None = None) -> bool:
    raws = ([first] if first else []) + [t.group() for t in tokens]
    words = [r.strip(_EDGE_PUNCT) for r in raws]
    has_time_word = any(w.casefold() in _TIME_WORDS for w in words)
    after_button = False
    after_role = in_place = False
    for raw, w in zip(raws, words, strict=True):
        low = w.casefold()
        if _HANDLE.fullmatch(w):
            continue  # the author's social handle: "Jane Roe @janeroe"
        if after_role and low in _POST_PLACE_PREPOSITIONS:
            in_place = True  # "correspondent in Brussels", "correspondante à Bruxelles"
            continue
        if in_place and w[:1].isupper():
            continue
        if not low or low in ROLE_WORDS or low in _UI_TAIL or low in _TIME_WORDS:
            after_button = low in _UI_TAIL
            after_role = after_role or low in _POST_ROLES
            # "Jane Roe, BBC News, Washington", "Jane Roe, Reporter, London": a place after the desk and a comma
            in_place = in_place or (low in ROLE_WORDS and raw.rstrip().endswith(","))
            continue
        if after_button and w.islower():
            after_button = False  # the button's object: "Tips meg", "Follow me", "Tipsa oss"
            continue
        # a number is a time or a date next to time words ("5 hours ago", "30 August 2023 4:45pm"), not "Family 6"
        numeric = any(c.isdigit() for c in low) and all(c.isdigit() or c in ":.,/apm" for c in low)
        if numeric and (":" in low or has_time_word):
            continue
        return False
    return True


_OPENERS = vocab.union(vocab.BYLINE_OPENERS)
_LOOSE = [o for o in _OPENERS if o not in vocab.BYLINE_OPENERS_STRICT]
_BARE_OPENERS = frozenset(o for o in _LOOSE if " " not in o)
_GAP = r"(?:\s{1,3}|&nbsp;?)"
# "By Jane Doe", "Von: Max Muster", "Por Ana Pérez", "Af Lars Hansen", "Von&nbspName" (a scrape artefact)
_BY_START = re.compile(r"^(?:" + vocab.alternation(_LOOSE) + r")(?:\s{0,2}:)?" + _GAP + r"(?=\S)", re.IGNORECASE)
# "Text: Jane Doe", "di Mario Rossi": openers that are ordinary words need a colon or their lower case
_BY_STRICT = re.compile(
    r"^(?:(?i:"
    + vocab.alternation(vocab.BYLINE_OPENERS_STRICT)
    + r")\s{0,2}:|"
    + vocab.alternation(vocab.BYLINE_OPENERS_STRICT)
    + r")"
    + _GAP
    + r"(?=\S)"
)
# "Ein Kommentar von Jane Doe", "Kolumne von ...", "Analyse par ...": a word or two, then a lower-case opener
_BY_AFTER_WORDS = re.compile(
    r"^(?:[^\W\d_]{2,20}\s{1,3}){1,2}(?:" + vocab.alternation(_LOOSE) + r")" + _GAP + r"(?=[^\W\d_])"
)


# the writer's post between the opener and the names: "our political editor", "unserem Korrespondenten"
_STAFF_WORD = r"(?:[^\W\d_A-ZÀ-Þ][\w'’-]{0,25}|(?i:" + vocab.alternation(vocab.union(vocab.ROLE_WORDS)) + r")\w{0,3})"
_STAFF_POST = r"(?:" + _STAFF_WORD + _GAP + r"){1,3}(?=[A-ZÀ-Þ])"
_STAFF_LEAD = re.compile(
    r"(?i:" + vocab.alternation(vocab.union(vocab.BYLINE_STAFF_POSSESSIVES)) + r")" + _GAP + _STAFF_POST
)
# "Dal nostro inviato Mario Rossi": a possessive with its preposition opens the byline itself
_STAFF_FROM = re.compile(r"^(?i:" + vocab.alternation(vocab.BYLINE_STAFF_FROM) + r")" + _GAP + _STAFF_POST)


_STRICT_OPENER_MIN_CHARS = 4


def _strict_opener_before_name(line: str) -> int:
    """Where an opener that needs its colon ends when a person's name alone follows it without one ("Oleh Ahmad
    Faizal Hassan", "Penulis Rizky Pratama"; not "Oleh karena itu, ..."); 0 otherwise."""
    parts = line[:80].split(None, 1)
    if len(parts) < 2 or parts[0].casefold() not in vocab.BYLINE_OPENERS_STRICT or len(parts[1].split()) > 4:
        return 0
    if len(parts[0]) < _STRICT_OPENER_MIN_CHARS:
        return 0  # "Di Maria", "De Niro": the particle of a surname, not "by"
    rest = parts[1].strip()
    return line.index(parts[1]) if looks_like_person_name(rest) else 0


# "ByMegan Lyle": the opener glued to the name by a scrape that dropped the space between two elements
_GLUED_BY = re.compile(r"(?:By|Von|Par|Por|Door)(?=[A-ZÀ-Þ][a-zß-ÿ])")


def _by_opener(line: str) -> int:
    """Where a byline opener ends in ``line`` (``By``, ``Von:``, ``Kommentar von``), with the writer's post after
    it (``By our political editor``, ``Dal nostro inviato``); 0 when it has none."""
    head = line[:80]
    if vocab.CREDIT_BY_LABEL.match(head):
        return 0  # "Photograph by Jane Doe" credits a picture
    staff = _STAFF_FROM.match(head)
    if staff:
        return _after_post_place(head, staff.end())
    m = _BY_START.match(head) or _BY_STRICT.match(head) or _BY_AFTER_WORDS.match(head) or _GLUED_BY.match(head)
    if m is None:
        return 0
    lead = _STAFF_LEAD.match(head, m.end())
    return _after_post_place(head, lead.end()) if lead else m.end()


_POST_PLACE_MAX_WORDS = 3


def _after_post_place(head: str, end: int) -> int:
    """After a writer's post that ends with a preposition ("Por nuestro corresponsal en Bruselas Ana Pérez"), the
    place the post is in, before the names: a gazetteer place of up to three words ("in New York"), else one word
    (the gazetteer has English names: "Bruselas", "Roma"); two words of a name must remain. ``end`` otherwise."""
    post = head[:end].split()
    if not post or post[-1].casefold() not in _POST_PLACE_PREPOSITIONS:
        return end
    words = head[end:].split(" ")
    if len(words) < 3 or not words[0][:1].isupper():
        return end
    for k in range(min(_POST_PLACE_MAX_WORDS, len(words) - 2), 1, -1):
        place = " ".join(words[:k])
        if load_gazetteer().is_place(place):
            return end + len(place) + 1
    return end + len(words[0]) + 1


_WIDE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
# Thai, Lao, Khmer and Burmese write words without spaces too, in letters with separate vowel and tone marks: about
# four code points a word
_UNSPACED = re.compile(r"[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]")
_NO_SPACES = re.compile(_WIDE.pattern + "|" + _UNSPACED.pattern)


def word_count(text: str) -> int:
    """Words in ``text``; in Chinese and Japanese script (no spaces) every two characters count as a word, in Thai,
    Lao, Khmer and Burmese every four, so the length rules treat a paragraph in any script alike. Bounded: a long
    text is estimated from its spaces."""
    if len(text) >= 20_000:
        head = text[:20_000]
        return text.count(" ") + len(_WIDE.findall(head)) // 2 + len(_UNSPACED.findall(head)) // 4 + 1
    if _NO_SPACES.search(text) is None:  # most text: one scan, no count of either script
        return len(text.split())
    return len(text.split()) + len(_WIDE.findall(text)) // 2 + len(_UNSPACED.findall(text)) // 4


# Thai and Lao end a sentence with a space or a line break, not a mark: a line in their script of this many words
# (about four letters a word) is a sentence; a heading is shorter
_UNPUNCTUATED_SENTENCE_WORDS = 10


def unpunctuated_sentence(text: str) -> bool:
    """A sentence of a script that writes no full stop: ``text`` ends in Thai or Lao letters and has ten words."""
    return bool(text) and "\u0e00" <= text[-1] <= "\u0eff" and word_count(text) >= _UNPUNCTUATED_SENTENCE_WORDS


def is_bare_byline_opener(key: str) -> bool:
    """True for a line (case-folded) that is only a one-word byline opener (``by``, ``von``, ``por``): the names
    follow on the next lines."""
    return key in _BARE_OPENERS


def signed_byline(line: str) -> bool:
    """True for a line that opens with a byline opener and names writers (``By Jane Roe/AP``, ``Av Anna
    Lindqvist/TT``); not for ``Photo by Jane Roe`` or ``Express photo by Jane Roe``, which credit a picture."""
    opened = _BY_START.match(line[:80]) or _BY_STRICT.match(line[:80])  # (byline_names refuses a credit's "by")
    return opened is not None and bool(byline_names(line, require_by=True))


def has_byline_opener(line: str) -> bool:
    """True when ``line`` starts with a byline opener in any supported language."""
    return _by_opener(line) > 0


_SEPARATORS = (" | ", " · ", " • ", " / ", " — ", " – ", " - ", "|", "·", "•")

# an opener where a sign-off clause starts: at a line's start, after "(", ";" or a dash
_SIGNOFF = re.compile(
    r"(?:^|(?<=[(;—–\-（【]))[ \t]{0,3}(?:" + vocab.alternation(vocab.union(vocab.SIGNOFF_OPENERS)) + r")(?![\w-])"
    r"[^;)）】\n]{0,200}",
    re.IGNORECASE | re.MULTILINE,
)
_CONTRIBUTED = re.compile(
    r"(?<![\w-])(?:" + vocab.alternation(vocab.union(vocab.SIGNOFF_CONTRIBUTED)) + r")(?![\w-])", re.IGNORECASE
)


def _clause_start(text: str, lo: int, hi: int) -> int:
    """Where the sentence or clause that ``text[hi]`` is in starts, looking back no further than ``lo``: after the
    last bracket, semicolon, line break, ``!``, ``?``, or full stop after a lower-case word or a digit (not after an
    initial: ``C.``)."""
    for i in range(hi - 1, lo - 1, -1):
        ch = text[i]
        if ch in "!?;()\n" or (ch == "." and i - 2 >= lo and (text[i - 2 : i].islower() or text[i - 1].isdigit())):
            return i + 1
    return lo


def signoff_clauses(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` opened by ``vocab.SIGNOFF_OPENERS`` (``Reporting by Jane Roe``, ``Editing
    by John Doe``), offsets into ``text``."""
    return [(m.start(), m.end()) for m in _SIGNOFF.finditer(text, start, len(text) if end is None else end)]


def signoff_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The spans of ``text[start:end]`` that name the story's makers in a sign-off, offsets into ``text``: a clause
    opened by ``vocab.SIGNOFF_OPENERS`` at a line's start or after a bracket, semicolon or dash (``(Reporting by
    Jane Roe; Editing by John Doe)``), and the names before ``vocab.SIGNOFF_CONTRIBUTED`` back to the sentence's
    start (``Jane Roe in Kyiv contributed to this report.``). Linear: every match reads at most 200 characters."""
    end = len(text) if end is None else end
    spans = signoff_clauses(text, start, end)
    for m in _CONTRIBUTED.finditer(text, start, end):
        spans.append((_clause_start(text, max(start, m.start() - 200), m.start()), m.end()))
    return sorted(spans)


# "Vidadi Rzayev (28th)", "Faroe Islands - Jan Allan Mueller ( 60th minute )", "Jane Roe (23)": a bracket that opens
# with a number or an ordinal holds a minute, a rank, an age or a year: the line names people in a result or a
# story, it is neither a byline (unless a byline opener says so) nor a picture credit
NUMBER_REMARK = re.compile(r"\(\s{0,2}\d{1,4}(?:st|nd|rd|th)?\b")
_STAFF = re.compile(r"^((?:[A-Z][\w.&'’-]{0,30}\s){1,3}[Ss]taff)\b")


_DATE_TAIL = re.compile(
    r"\s+(?:\d{1,2}\.?\s(?:" + vocab.month_pattern() + r")\s)?\d[\d.,:/ -]{0,30}(?:\s?(?:uhr|h|am|pm))?\s*$",
    re.IGNORECASE,
)


def _first_segment(s: str) -> str:
    cut = len(s)
    for sep in _SEPARATORS:
        k = s.find(sep)
        if 0 <= k < cut:
            cut = k
    return s[:cut]


_JA_SURNAMES: tuple[str, ...] = tuple(sorted(set(vocab.JA_SURNAMES), key=len, reverse=True))
_JA_OPENER = re.compile(r"(?:" + "|".join(map(re.escape, vocab.JA_BYLINE_OPENERS)) + r")\s?[:：]\s?")
_JA_TITLE = re.compile(r"\s?(?:" + "|".join(map(re.escape, vocab.JA_REPORTER_TITLES)) + r")$")
# a given name: one to three kanji, or two to four katakana, or two to four hiragana that are not an honorific
# or end in a particle ("田中さんは" is a sentence)
_JA_GIVEN = re.compile(
    r"[\u4e00-\u9fff\u3005]{1,3}|[\u30a1-\u30fa\u30fc]{2,4}"
    r"|(?!.*(?:さん|くん|ちゃん|さま))[\u3041-\u3096]{2,4}(?<![はがのをにもとでへやか])"
)
_JA_NAME_MAX_CHARS = 6


def japanese_byline(line: str) -> NameSpan | None:
    """A Japanese reporter's name that is the whole line, with offsets into ``line``: ``松岡大地``, ``松岡 大地記者``,
    ``文：松岡大地`` -> 松岡大地 / 松岡 大地. A common surname (``vocab.JA_SURNAMES``) and a given name of one to three
    kanji or two to four kana, six characters at most; anything else on the line and it is not a byline."""
    stripped = line.strip()
    if not stripped or len(stripped) > 24:
        return None
    start = line.index(stripped[0])
    opener = _JA_OPENER.match(stripped)
    if opener is not None:
        start += opener.end()
        stripped = stripped[opener.end() :]
    title = _JA_TITLE.search(stripped)
    name = stripped[: title.start()] if title is not None else stripped
    surname = next((s for s in _JA_SURNAMES if name.startswith(s)), None)
    if surname is None:
        return None
    given = name[len(surname) :]
    given = given[1:] if given[:1] in (" ", "\u3000") else given
    if not _JA_GIVEN.fullmatch(given) or len(surname) + len(given) > _JA_NAME_MAX_CHARS:
        return None
    return NameSpan(start, start + len(name))


_KO_BYLINE = re.compile(
    r"^\s*([가-힣]{2,4})\s?(?:"
    + vocab.alternation(vocab.KO_REPORTER_TITLES)
    + r")(?:\s+[\w.+-]{1,40}@[\w.-]{1,60})?\s*$"
)


def korean_byline(line: str) -> NameSpan | None:
    """A Korean reporter's name with the title after it, the whole line: ``김민수 기자``, ``이상현 특파원
    lee@example.kr`` -> 김민수 / 이상현."""
    m = _KO_BYLINE.match(line[:120])
    return NameSpan(m.start(1), m.end(1)) if m else None


# "記者王小明／台北報導", "记者 王晓明 李华", "记者王晓明报道": the reporter's title, the names, and a space after the
# title or the word "reports" at the end (so that "記者會上說明", "at the press conference, he said", is no byline)
HAN = "\u3400-\u9fff"  # the Han ideographs (CJK unified, extension A)
ZH_NAME = f"[{HAN}·]{{2,4}}"  # a Chinese name: two to four ideographs ("赵强", "欧阳晓明"), a dot in a foreign one
_ZH_NAME_PARTS = re.compile(r"[^、 ]+")


def zh_name_spans(names: str, offset: int = 0) -> list[tuple[int, int]]:
    """The names of a list of Chinese names joined by "、" or spaces ("赵强、孙悦"), offsets plus ``offset``."""
    return [(offset + n.start(), offset + n.end()) for n in _ZH_NAME_PARTS.finditer(names)]


_ZH_BYLINE = re.compile(
    r"^\s*(?:本報|本报)?(?:" + vocab.alternation(vocab.ZH_REPORTER_TITLES) + r")(?P<space>\s)?"
    f"({ZH_NAME}(?:[、 ]{ZH_NAME}){{0,2}})"
    f"\\s?(?P<report>(?:[／/]\\s?[{HAN}]{{0,8}}?)?(?:報導|报道|報道))?\\s*$"
)


def chinese_byline(line: str) -> tuple[NameSpan, ...]:
    """The reporters of a Chinese byline, the whole line: ``記者王小明／台北報導``, ``记者 王晓明 李华``."""
    m = _ZH_BYLINE.match(line[:80])
    if m is None or not (m.group("space") or m.group("report")):
        return ()
    return tuple(NameSpan(a, b) for a, b in zh_name_spans(m.group(2), m.start(2)))


def byline_names(line: str, *, require_by: bool) -> tuple[NameSpan, ...]:
    """The author names in a byline line, with offsets into ``line``; () when the line is not a byline.

    ``By Jon King, News Reporter`` -> Jon King; ``Yasmine Hassan · CBC News · Posted: ...`` -> Yasmine Hassan;
    ``By A and B`` -> A, B. Without ``require_by`` the line must be a bare name, possibly followed by a job
    title, a time or share buttons (``Nizaar Kinsella2 minutes ago``, ``Steffan Rhys Deputy Content Hub Director``).
    """
    if len(line) > 300:
        return ()
    start = _by_opener(line) or _strict_opener_before_name(line)
    m = start > 0
    if not m and NUMBER_REMARK.search(line):
        return ()  # "Name ( 28th )": a scorer; "By Name (5 min read)" keeps its opener's word
    if require_by and not m:
        return ()

    with_agency = None if m else _WITH_AGENCY.fullmatch(line.strip())
    if with_agency and agency_of(with_agency.group(2)) is not None:
        lead = len(line) - len(line.lstrip())
        who = with_agency.group("who").strip()
        if looks_like_person_name(who) and who.split(" ", 1)[0].casefold() not in _ARTICLES:
            return (NameSpan(lead, lead + len(who)),)  # "Rita Carvalho com Lusa": the writer, with the wire's copy
        return (NameSpan(lead, len(line.rstrip())),)  # "Le Monde avec AFP": the paper wrote it with the wire
    segment = _first_segment(line[start:])
    glued = _GLUED_WIRE.search(segment) if m else None
    if glued and wire_service_of(segment[glued.end() :].strip()) is not None:
        segment = segment[: glued.start()]  # "Av Anna Lindqvist/TT", "By Jane Roe/AP": the writer and her wire
    bracket = segment.find(" (") if m else -1
    if bracket > 0:
        segment = segment[:bracket]  # "Von Katrin Wendler (Bautzen)", "By Jane Roe (AP)": the bracket is no name's
    if not segment.strip():
        return ()
    after = line[start + len(segment) :].lstrip(_EDGE_PUNCT + "-–—")
    if not m and word_count(after) >= _SENTENCE_AFTER_MIN_WORDS and after.rstrip().endswith(vocab.SENTENCE_ENDS):
        return ()  # "ANKARA (AA) - Belediye meclisi ... onayladı.": a dateline and its story, no name and its title
    first = segment.lstrip()[0]
    # a script without capitals; Georgian's letters are lower case since its capitals (Mtavruli) joined Unicode
    if m and first.isalpha() and not first.isupper() and (not first.islower() or "\u10d0" <= first <= "\u10ff"):
        return _caseless_name(segment, start)  # "ავტორი: ნინო ბერიძე", "בקלם: ..."
    if not first.isupper():
        return _agency_byline(segment, start) if m else ()
    scan = _scan_names(segment, start)
    # a "name" that opens with an article is the publication the author writes for ("Anna Klein, Die Welt")
    people = tuple(n for n in scan.names if line[n.start : n.end].split(" ", 1)[0].casefold() not in _ARTICLES)
    if people:
        # "Ein Kommentar von Jane Roe" is a byline; "Der Bürgermeister von Crans Montana räumte ..." is a sentence
        opened_mid_line = m and not (
            _BY_START.match(line[:80]) or _BY_STRICT.match(line[:80]) or _STAFF_FROM.match(line[:80])
        )
        publication = _PUBLICATION_TAIL.fullmatch(line, people[-1].end)
        wire = _WIRE_TAIL.fullmatch(line, people[-1].end)  # "Max Mustermann, dpa", "Ana Pérez (Efe)"
        if (m and not opened_mid_line) or scan.rest_is_furniture or publication or _is_wire(wire):
            return people
        return ()
    if m:
        staff = _STAFF.match(segment)
        if staff:
            return (NameSpan(start, start + staff.end(1)),)
        return _agency_byline(segment, start)
    return ()


# a wire's name glued to the writer's by a slash ("Lindqvist/TT"), read after a byline opener only
_GLUED_WIRE = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")

# after a name and a separator, a sentence of this many words is a story's first paragraph, not a byline's title
_SENTENCE_AFTER_MIN_WORDS = 6

# "Jane Roe, The Herald", "Anna Klein, Die Welt": the author, then the publication she writes for
_ARTICLES = frozenset({"the", "le", "la", "die", "der", "el", "il"})
_PUBLICATION_TAIL = re.compile(r",\s{1,2}(?:The|Le|La|Die|Der|El|Il)(?:\s[A-ZÀ-Þ][\w.'’&-]{0,20}){1,3}\s*")
# "Max Mustermann, dpa", "Ana Pérez (Efe)", "Jane Roe / Associated Press": the author, then the wire she writes for
_WIRE_TAIL = re.compile(r"\s{0,2}(?:[,/|–—-]\s{0,2}|\()([^()]{2,40}?)\)?\s*")


def _is_wire(tail: re.Match[str] | None) -> bool:
    return tail is not None and wire_service_of(tail.group(1)) is not None


# "Le Monde avec AFP", "Tagesschau mit dpa": one to four capitalised words, the word "with", a wire's name
_WITH_AGENCY = re.compile(
    r"(?P<who>(?:[A-ZÀ-Þ][\w.'’-]{0,20} ){1,4})(?:"
    + vocab.alternation(vocab.union(vocab.WITH_AGENCY))
    + r") ([^\s].{0,40})"
)


_CASELESS_NAME_MAX_WORDS = 4


def _caseless_name(segment: str, start: int) -> tuple[NameSpan, ...]:
    """After a byline opener, a name in a script without capitals (Georgian, Hebrew, Arabic, the Indic scripts):
    the segment's words, when they are one to four and nothing but letters; () for a sentence."""
    words = [(w.start(), w.end()) for w in re.finditer(r"\S+", segment)]
    if not 0 < len(words) <= _CASELESS_NAME_MAX_WORDS:
        return ()
    if not all(
        all(c.isalpha() or c in "-'’" or unicodedata.category(c) == "Mn" for c in segment[a:b]) for a, b in words
    ):
        return ()
    return (NameSpan(start + words[0][0], start + words[-1][1]),)


def _agency_byline(segment: str, start: int) -> tuple[NameSpan, ...]:
    """``By Associated Press``, ``Von dpa 30.04.2024, 18:58``: an agency as the author (a date after it dropped)."""
    dated = _DATE_TAIL.search(segment)
    org = (segment[: dated.start()] if dated else segment).rstrip(_EDGE_PUNCT + ".")
    # "Von Landesspiegel 30. Juni 2026": one capitalised word before the date is the publisher as the author
    word = org.strip()
    brand = (
        dated is not None
        and len(org.split()) == 1
        and is_name_word(word)
        and not _CAMEL.match(word)
        and word.casefold() not in ROLE_WORDS | vocab.CALENDAR_WORDS
    )
    if agency_of(org) is None and not brand:
        return ()
    lead = len(org) - len(org.lstrip())
    return (NameSpan(start + lead, start + len(org)),)


def bare_name_line(line: str) -> bool:
    """True for a line that is a person's name and nothing else (a credit or a byline without "By")."""
    return looks_like_person_name(line.strip(_EDGE_PUNCT + "."))
