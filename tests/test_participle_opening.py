"""One definition of what opens a participle clause (:data:`analysis.sources.cues.PARTICIPLE_OPENING`),
shared by the cue finder, "pointing to" and the speaker rules.

Every text is invented; the expected statements are written by hand.
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.cues import PARTICIPLE_OPENING


@pytest.mark.parametrize(
    "before, opens",
    [
        ("Ruiz spoke, ", True),
        ("Ruiz spoke, again ", False),  # "again" is no -ly adverb: the tagger decides elsewhere
        ("Ruiz spoke, repeatedly ", True),
        ("Ruiz spoke -- ", True),
        ("Ruiz left after ", True),
        ("Ruiz left after publicly ", True),
        ("Ruiz spoke and ", True),
        ("the assembly ", False),  # "as" + "sembly" is no conjunction and adverb
        ("Ruiz was formerly ", False),
    ],
)
def test_what_opens_a_participle_clause(before, opens):
    assert (PARTICIPLE_OPENING.search(before) is not None) == opens


@pytest.mark.parametrize(
    "text, cue, content",
    [
        ("Ana Ruiz left the meeting after publicly accusing the council of hiding the costs.", "accusing", "the council of hiding the costs"),
        ("Ana Ruiz spent the evening on the phone and angrily telling donors that the race was close.", "telling", "the race was close"),
        ("Ana Ruiz defended the levy and pointing to the cost of the repairs.", "pointing to", "the cost of the repairs"),
        ("Ana Ruiz defended the levy, and repeatedly insisting that the roads were unsafe.", "insisting", "the roads were unsafe"),
    ],
)
def test_participle_after_a_conjunction_and_an_adverb(text, cue, content):
    df = extract_quotes(text)
    assert [(r["speaker"], r["cue"], r["quote"]) for r in df.to_dict("records")] == [("Ana Ruiz", cue, content)]
