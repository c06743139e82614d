"""The enriched document as an IPTC ninjs 3.1 news item (https://iptc.org/standards/ninjs/).

Field by field (docs/NINJS.md lists what has no counterpart):
- ``uri``: the caller's id when it is an absolute URI, else ``urn:article-enrichment:<id, percent-encoded>``;
  ``altIds`` keeps the id itself (role ``article-enrichment-id``) and the content hash.
- ``headlines``: the title (role ``main``); ``descriptions``: the standfirst (role ``teaser``) and the summary
  (role ``summary``); ``bodies``: the body paragraphs only (captions, credits, bylines, boilerplate out) as
  text/plain with ``charCount``/``wordCount``; ``by``: the bylines; ``language``: the detected BCP-47 code.
- ``subjects``: every entity, ``relevance`` = salience x 100; people, organisations, places, events and objects
  again in their typed arrays (ninjs gives those no relevance, subjects no type).
- ``associations``: one picture per caption (``descriptions`` = caption, ``edNote`` = editor's note, ``by`` =
  creators, ``copyrightHolder`` = credit line, ``infoSources`` = source agency), then one per credit that has
  no caption.
"""

from __future__ import annotations

import json
from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlsplit

from app import __version__
from app.schemas.document import EnrichedDocument, EntityPublic, ImageCreditPublic

MEDIA_TYPE = "application/ninjs+json"
SCHEMA_FILE = "ninjs-schema_3.1.json"
STANDARD = {"name": "ninjs", "version": "3.1", "schema": "http://www.iptc.org/std/ninjs/ninjs-schema_3.1.json#"}
ID_ROLE = "article-enrichment-id"
CREATOR = f"article-enrichment/{__version__}"
# entity labels (OntoNotes, CoNLL) -> the typed ninjs array that also lists them
TYPED_ARRAYS = {
    "PERSON": "people",
    "PER": "people",
    "ORG": "organisations",
    "GPE": "places",
    "LOC": "places",
    "FAC": "places",
    "EVENT": "events",
    "PRODUCT": "objects",
}


@cache
def schema() -> dict[str, Any]:
    """The official ninjs 3.1 JSON Schema shipped with the service (app/formats/ninjs-schema_3.1.json)."""
    loaded: dict[str, Any] = json.loads(resources.files("app.formats").joinpath(SCHEMA_FILE).read_text("utf-8"))
    return loaded


def item_uri(doc_id: str) -> str:
    """A URI for the item: the id itself when it already is an absolute URI."""
    parts = urlsplit(doc_id)
    if parts.scheme and (parts.netloc or parts.scheme == "urn") and " " not in doc_id:
        return doc_id
    return f"urn:article-enrichment:{quote(doc_id, safe='')}"


def joined_names(names: list[str]) -> str:
    """``A``, ``A and B``, ``A, B and C``."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"


def _subject(entity: EntityPublic) -> dict[str, Any]:
    return {"name": entity.text, "relevance": round(entity.salience * 100), "creator": CREATOR}


def _picture(uri: str, number: int, credit: ImageCreditPublic | None) -> dict[str, Any]:
    picture: dict[str, Any] = {"name": f"picture{number}", "uri": f"{uri}#picture{number}", "type": "picture"}
    if credit is None:
        return picture
    if credit.creators:
        picture["by"] = joined_names(credit.creators)
    if credit.credit_line:
        picture["copyrightHolder"] = credit.credit_line
    if credit.source:
        picture["infoSources"] = [{"name": credit.source, "role": "source"}]
    return picture


def associations(doc: EnrichedDocument, uri: str) -> list[dict[str, Any]]:
    """One picture per caption, then one per credit that belongs to no caption."""
    pictures: list[dict[str, Any]] = []
    credits = doc.image_credits or []  # null when the credits stage did not run
    for caption in doc.captions:
        has_credit = caption.credit_index is not None and caption.credit_index < len(credits)
        credit = credits[caption.credit_index] if has_credit and caption.credit_index is not None else None
        picture = _picture(uri, len(pictures) + 1, credit)
        if caption.text:
            picture["descriptions"] = [{"role": "caption", "value": caption.text}]
        if caption.editor_note:
            picture["edNote"] = caption.editor_note
        pictures.append(picture)
    captioned = {c.credit_index for c in doc.captions if c.credit_index is not None}
    for index, credit in enumerate(credits):
        if index not in captioned and credit.caption_index is None:
            pictures.append(_picture(uri, len(pictures) + 1, credit))
    return pictures


def to_ninjs(doc: EnrichedDocument) -> dict[str, Any]:
    """The document as a ninjs 3.1 item; valid against ``schema()`` (tests check it over every eval article)."""
    uri = item_uri(doc.id)
    item: dict[str, Any] = {
        "uri": uri,
        "standard": STANDARD,
        "type": "text",
        "representationType": "full",
        "altIds": [{"role": ID_ROLE, "value": doc.id}, {"role": "content-sha256", "value": doc.content_sha256}],
    }
    if doc.language is not None:  # null when language identification did not run
        item["language"] = doc.language.code
    if doc.title is not None:
        item["headlines"] = [{"role": "main", "value": doc.title.text}]
    if doc.bylines:
        item["by"] = joined_names([b.name for b in doc.bylines])
    descriptions = [{"role": "teaser", "value": b.text} for b in doc.blocks if b.kind == "standfirst"]
    if doc.summary is not None and doc.summary.text:
        descriptions.append({"role": "summary", "value": doc.summary.text})
    if descriptions:
        item["descriptions"] = descriptions
    item["bodies"] = [
        {
            "role": "main",
            "contentType": "text/plain",
            "value": doc.body.text,
            "charCount": doc.body.char_count,
            "wordCount": doc.body.word_count,
        }
    ]
    if doc.entities:
        ranked = sorted(doc.entities, key=lambda e: -e.salience)
        item["subjects"] = [_subject(e) for e in ranked]
        for entity in ranked:
            array = TYPED_ARRAYS.get(entity.label)
            if array is not None:
                item.setdefault(array, []).append({"name": entity.text, "rel": "mentioned"})
    pictures = associations(doc, uri)
    if pictures:
        item["associations"] = pictures
    return item
