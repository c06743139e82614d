"""Recognising caption-like sentences inside prose (pure functions, no I/O).

Segmentation classifies whole blocks; scrapers still glue picture captions, credits and call-to-action lines into
body paragraphs ("A taxi driver ... (pictured posed by model) A taxi driver in India has been arrested ...").
A summary must not quote them. ``caption_reason`` says why a sentence reads as one, from its phrasing only:

* ``credit``: a photo credit ("(AP Photo/Jane Doe)", "Photograph: X/Reuters", "via Getty Images", "Credit: X"),
  as ``app.text.credits.find_inline_credit`` finds it at either end of the sentence, or anywhere by its phrasing.
* ``picture``: a reference to a picture the reader of a summary cannot see ("(pictured)", ", pictured,",
  "(left)", "pictured above", "(file photo)", "posed by model", "Pictured:").
* ``label``: a caption label before a colon at the start, followed by a capital ("Fighter ace: Douglas Bader's
  story ...", "RELATED: ..."), not a speaker ("He said: ...") nor a clause ("The physics seem sinister: compared
  with ...").
* ``file``: the wire-photo prefix "FILE - ...".
* ``photo``: a wire-photo description, a present-tense verb of what the picture shows and the date it was taken
  ("Jane Doe reads to her son in Birmingham, Alabama, April 14, 2024.").
* ``prompt``: a call to action ("Scroll down for video", "Click here", "Story continues below").
* ``shouting``: mostly capital letters (a teaser or a heading pasted into the text).
"""

from __future__ import annotations

import functools
import re

from app.text.credits import find_inline_credit
from app.text.layout import vocab
from app.text.names import wordset

_CREDIT = re.compile(
    r"""\((?:AP|AFP|EPA|Reuters|PA)?\s*Photos?\s*[:/]
    |\b(?:Photo(?:graph)?s?|Pictures?|Images?|Credit|Source)\s*(?:by\b|:)\s*[A-Z]
    |\bvia\s+Getty\b|\bGetty\s+Images\b|\biStock(?:photo)?\b|\bShutterstock\b|\bAlamy\b
    |/\s*(?:AP|AFP|EPA|Reuters|REUTERS|Getty|PA(?:\s+Wire)?|Bloomberg|Shutterstock|Alamy|SWNS|Rex)\b\s*\)?
    |\(\s*[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*/\s*[A-Z][\w&.'’ -]{1,40}\)
    |\(\s*(?:Courtesy|Handout)\b[^()]{0,60}\)""",
    re.VERBOSE,
)
_POSITIONS = (
    "left",
    "right",
    "centre",
    "center",
    "above",
    "below",
    "top",
    "bottom",
    "inset",
    "front",
    "back",
    "middle",
)
_POSITION_WORDS = "(?:" + "|".join(_POSITIONS) + ")"
_PICTURE = re.compile(
    rf"""\([^()]*\bpictured\b[^()]*\)
    |,\s*pictured\b
    |\b[A-Z][\w'’-]*\s+pictured\b
    |\bpictured\s+(?:here|{_POSITION_WORDS})\b
    |^\s*Pictured\b
    |\b(?:is|are)\s+pictured\b
    |,\s*{_POSITION_WORDS}\s*,
    |\((?:from\s+|second\s+from\s+|far\s+)?{_POSITION_WORDS}\b[^()]{{0,40}}\)
    |\([^()]*\b(?:file|stock|library|archive)\s+(?:photo|picture|image|pic)s?\b[^()]*\)
    |\bposed\s+by\s+models?\b
    |\b(?:in\s+)?(?:this|the)\s+(?:photo|picture|image)\s+(?:above|below)\b
    |\b(?:photo|picture|image)\s*\((?:{_POSITION_WORDS})\)""",
    re.VERBOSE,
)
# A wire-photo caption: a subject, a present-tense verb of what the picture shows, and the date it was taken
# ("Jane Doe reads to her son in Birmingham, Alabama, April 14, 2024.").
_PHOTO_VERBS = (
    "addresses|arrives|attends|carries|celebrates|cheers|competes|cries|dances|delivers|departs|drives|embraces|"
    "enters|gathers?|gestures|greets|helps|holds|hugs|inspects|kneels|leads|leaves|listens|looks|marches|"
    "participates?|passes|plays|points|poses|prays|prepares|pushes|raises|reacts|reads|rests|rides|runs|shouts|"
    "sings|sits|smiles|speaks|stands|takes|talks|tends|tours|visits|waits|walks|watches|waves|wears|works"
)
_MONTH = r"(?:(?i:" + vocab.alternation(vocab.MONTHS["en"]) + r")\.?)"
_PHOTO_DESCRIPTION = re.compile(
    rf"^(?:\S+\s+){{0,7}}(?:{_PHOTO_VERBS})\b.*\b(?:{_MONTH}\s+\d{{1,2}},?\s+(?:19|20)\d\d|\d{{1,2}}\s+{_MONTH}\s+(?:19|20)\d\d)\b"
)
_LABEL = re.compile(r"^([A-Z][^\s:]*(?:\s+[^\s:]+){0,4}):\s+[‘'\"“]?[A-Z0-9]")
# a label is a noun phrase ("Fighter ace:", "In trouble:"), not a clause that addresses the reader or opens with
# a subordinate clause ("With the new Avengers: Age of Ultron ...")
_NOT_LABEL_WORDS = frozenset(["you", "your", "yours", "i", "we", "my", "our", "us", "me"])
_NOT_LABEL_FIRST = wordset("with as after before for from following despite since while when although because if")
_SPEAKER_WORDS = wordset(
    "said says say told tells added adds explained explains wrote writes tweeted posted insisted claimed "
    "claims warned warns declared declares stated states asked asks replied replies continued continues "
    "admitted admits revealed reveals commented comments noted notes argued argues according"
)
_FILE = re.compile(r"^\s*FILE\s*(?:PHOTO)?\s*[-–—:]")
PROMPT_PHRASE = re.compile(
    r"\b(?:scroll\s+down\s+for\s+(?:video|more)|click\s+here|read\s+more\s*:|story\s+continues\s+below|"
    r"sign\s+up\s+(?:for|to)\s+(?:our|the)\s+newsletter|share\s+this\s+(?:article|story|item))\b",
    re.IGNORECASE,
)
"""A call to action pasted into the text; the sentence splitter also cuts after one."""
# Words one of which every pattern above needs (same case): a sentence with none of them is not tested by it.
_CREDIT_NEEDS = (
    "/",
    "Photo",
    "Picture",
    "Image",
    "Credit",
    "Source",
    "Getty",
    "iStock",
    "Shutterstock",
    "Alamy",
    "Courtesy",
    "Handout",
)
_PICTURE_NEEDS = ("pic", "Pic", "photo", "image", "posed", *_POSITIONS)
_PROMPT_NEEDS = ("scroll", "click", "read", "story", "sign", "share")  # casefolded
PICTURE_AFTERTHOUGHT = re.compile(rf"\b(?:pictured|{_POSITION_WORDS}|file|stock|posed\s+by\s+models?)\b", re.IGNORECASE)
"""A word that makes a parenthetical a reference to a picture: "(pictured)", "(left)", "(file photo)"."""


def _any_in(text: str, needles: tuple[str, ...]) -> bool:
    return any(needle in text for needle in needles)


@functools.lru_cache(maxsize=4096)
def caption_reason(sentence: str) -> str | None:
    """Why ``sentence`` reads as a caption, credit or prompt rather than prose; None when it reads as prose.

    Pure, and asked about the same sentence by several of the summary's tests: the answers are kept (LRU)."""
    # the segmenter's credit finder reads the ends of a caption; the patterns also find a credit glued mid-sentence
    if find_inline_credit(sentence) is not None or (_any_in(sentence, _CREDIT_NEEDS) and _CREDIT.search(sentence)):
        return "credit"
    if _any_in(sentence, _PICTURE_NEEDS) and _PICTURE.search(sentence):
        return "picture"
    if _FILE.search(sentence):
        return "file"
    if _PHOTO_DESCRIPTION.search(sentence):
        return "photo"
    if _any_in(sentence.casefold(), _PROMPT_NEEDS) and PROMPT_PHRASE.search(sentence):
        return "prompt"
    label = _LABEL.match(sentence)
    if label is not None:
        words = label.group(1).lower().split()
        if not (set(words) & (_SPEAKER_WORDS | _NOT_LABEL_WORDS)) and words[0] not in _NOT_LABEL_FIRST:
            return "label"
    letters = "".join(filter(str.isalpha, sentence))
    if len(letters) >= 12 and sum(map(str.isupper, letters)) > 0.6 * len(letters):
        return "shouting"
    return None
