"""Caption-like sentences are recognised from their phrasing; ordinary prose is left alone."""

from __future__ import annotations

import pytest

from app.text.captionlike import caption_reason


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("Volunteers fill sandbags in Pellham on Tuesday. (AP Photo/Rita Okonkwo)", "credit"),
        ("The flooded high street. Photograph: Tom Abara/Reuters", "credit"),
        ("Firefighters at the scene on Monday. Credit: Harbour Images", "credit"),
        ("A family waits for news outside the hall (Maria Lindqvist/Getty Images)", "credit"),
        ("A driver was arrested after the chase (pictured posed by model).", "picture"),
        ("Councillor Ada Brenner, pictured, said the plan was unaffordable.", "picture"),
        ("Ada Brenner (left) and Paul Hume arrive at the hearing.", "picture"),
        ("Ada Brenner, left, arrives at the hearing with her lawyer.", "picture"),
        ("Smoke rises over the depot (file photo).", "picture"),
        ("Pictured: the damaged roof of the school.", "picture"),
        ("Fighter ace: Ronald Pask's story is to be told in a new film.", "label"),
        ("RELATED: Ferry strike enters its second week.", "label"),
        ("FILE - Ferry passengers queue at the terminal on March 1.", "file"),
        ("Scroll down for video of the rescue.", "prompt"),
        ("FERRY STRIKE ENTERS ITS SECOND WEEK AS TALKS FAIL.", "shouting"),
    ],
)
def test_captions_credits_and_prompts_are_recognised(sentence: str, reason: str) -> None:
    assert caption_reason(sentence) == reason


@pytest.mark.parametrize(
    "sentence",
    [
        "Eight guards were pictured with the protest leader at a rally, officials said.",
        "The mayor said: 'We will rebuild the bridge by spring.'",
        "With the new Avengers: Age of Ultron film out this week, fans queued overnight.",
        "Barbie collectors mark your calendars: the first doll goes on sale again on Saturday.",
        "The council left the budget unchanged for a third year.",
    ],
)
def test_prose_is_not_mistaken_for_a_caption(sentence: str) -> None:
    assert caption_reason(sentence) is None
