"""Sign-offs that name a story's makers (``app.text.names.signoff_spans``): reporters and editors are no entities."""

from __future__ import annotations

from app.text.names import signoff_spans

WIRE_END = (
    "(Reporting by Ina Berg in Oslo; Additional reporting by Tom Aske in Bergen; Editing by Kari Holm and Per Dahl)"
)


def found(text: str) -> list[str]:
    return [text[s:e].strip() for s, e in signoff_spans(text)]


def test_each_clause_of_a_wire_sign_off_is_found_to_its_semicolon_or_bracket() -> None:
    assert found(WIRE_END) == [
        "Reporting by Ina Berg in Oslo",
        "Additional reporting by Tom Aske in Bergen",
        "Editing by Kari Holm and Per Dahl",
    ]
    assert found("Reporting by Ina Berg\nEditing by Per Dahl") == ["Reporting by Ina Berg", "Editing by Per Dahl"]
    assert found("Mitarbeit: Jana Roth") == ["Mitarbeit: Jana Roth"]


def test_a_contributors_sentence_is_found_back_to_its_start() -> None:
    text = "The port reopened. Wire writers Ina Berg in Oslo and Tom Aske contributed to this report."
    assert found(text) == ["Wire writers Ina Berg in Oslo and Tom Aske contributed to this report"]


def test_the_same_words_inside_prose_are_no_sign_off() -> None:
    assert found("Critics said the reporting by the Harbour Times was unfair, and edited by hand.") == []
    assert found("The council's report was edited by Ina Berg.") == []


def test_offsets_stay_inside_the_span_asked_for() -> None:
    text = "Prices rose. " + WIRE_END
    start = text.index("(")
    spans = signoff_spans(text, start, len(text))
    assert spans and all(start <= s < e <= len(text) for s, e in spans)
    assert signoff_spans(text, 0, start) == []
