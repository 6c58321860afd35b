"""Who a pronoun refers to, on short texts written for these tests: the article's own
pronouns as gender evidence, a surname two people share, the subject of the sentence before,
the content's subject in "..., he said", and "unclear" when two people fit."""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.pronoun_evidence import PronounGenders, pronoun_after


def _speakers(text: str) -> list[str]:
    return extract_quotes(text)["speaker"].tolist()


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # first names the name lists do not know: the article's "she" and "he" tell
        pytest.param(
            "Riya Tanaka and Dele Okafor spoke after the vote. Tanaka said she would appeal. "
            "Okafor said he would not. “We lost fairly,” she said.",
            ["Riya Tanaka", "Dele Okafor", "Riya Tanaka"],
            id="gender-from-the-article",
        ),
        # a surname two people share: the pronoun right after it says which one
        pytest.param(
            "Marta Woodley, whose husband Tariq Woodley died in 2012, spoke on Monday. Woodley said she had forgiven no one.",
            ["Marta Woodley"],
            id="shared-surname-and-pronoun",
        ),
        # "..., he said": the name at the start of what is said is not the speaker
        pytest.param(
            "Paul Fenwick, a strategist, said the ads worked. Rupert Kessler's newspapers have stood in the way, he said.",
            ["Paul Fenwick", "Paul Fenwick"],
            id="content-subject-is-no-antecedent",
        ),
        # the person the sentence before is about, over an earlier speaker
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor left the hall early. He said the vote was a sad day for the town.",
            ["Tom Reed", "Chidi Okafor"],
            id="subject-of-the-sentence-before",
        ),
        # ... also when the pronoun speaks after a quotation
        pytest.param(
            "Tom Reed said the plan was dead. In his reply to the mayor, Chidi Okafor sounded tired. “It is a sad day,” he said.",
            ["Tom Reed", "Chidi Okafor"],
            id="subject-before-a-quotation",
        ),
        # the speaker of the quotation's own sentence, before the quotation
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor weighed in as well, writing: “It is a sad day,” he said.",
            ["Tom Reed", "Chidi Okafor"],
            id="subject-of-the-quotation-sentence",
        ),
        # "he" takes the nearest speaker that fits, even of unknown gender
        pytest.param(
            "Michael Grant said the ads worked. People have more power now, Okoye said. They expect more, he said.",
            ["Michael Grant", "Okoye", "Okoye"],
            id="nearest-speaker-for-he",
        ),
        # a person named only after a subordinator is no rival of the subject
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor regretted that voters had given Paul Baker a chance. He said the vote was a sad day.",
            ["Tom Reed", "Chidi Okafor"],
            id="embedded-name-no-rival",
        ),
        # "he told Okafor": the object of the pronoun's own verb is someone else
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor backed the plan. “It will cost us our jobs,” he told Okafor.",
            ["Tom Reed", "Tom Reed"],
            id="object-of-its-verb-is-no-antecedent",
        ),
        # a name in an opening "if" clause is no nearer than the subject of the sentence before
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor left the hall early. If Paul Baker wins, he said the town would suffer.",
            ["Tom Reed", "Chidi Okafor"],
            id="opening-clause-name-is-no-antecedent",
        ),
        # a role word before the name of the subject ("front-runner")
        pytest.param(
            "Tom Reed said the plan was dead. Democratic front-runner Ana Okafor left the hall early. “It is a sad day,” she said.",
            ["Tom Reed", "Ana Okafor"],
            id="role-word-before-the-subject",
        ),
        # the same pronoun as subject of the sentence before is followed back; a possessor is no rival
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor carried Paul Baker's bags to the car. He paused. “It is a sad day,” he said.",
            ["Tom Reed", "Chidi Okafor"],
            id="pronoun-chain-and-possessor",
        ),
        # a speaker in a clause below the subject of the sentence before is less prominent than it
        pytest.param(
            "Chidi Okafor turned on the paper, pointing out that its reporter Paul Baker had said the plan was dead. "
            "He hoped, he said, that the paper would apologise.",
            ["Paul Baker", "Chidi Okafor"],
            id="embedded-speaker-below-the-subject",
        ),
        # "Govs." ends no sentence: the subject is still the one before it
        pytest.param(
            "Tom Reed said the plan was dead. Speaking on Monday, Chidi Okafor spared his rivals, notably Govs. Paul Baker and Ian Moss. "
            "He said the vote was a sad day.",
            ["Tom Reed", "Chidi Okafor"],
            id="abbreviation-ends-no-sentence",
        ),
        # "..., Okafor said": a speaker after a comma is in the main clause, not below it; "Baker's
        # grasp" is no subject
        pytest.param(
            "Paul Baker's grasp of policy is worrying, Okafor said. “Anybody can change,” he said.",
            ["Okafor", "Okafor"],
            id="speaker-after-a-comma-and-possessive-subject",
        ),
        # a surname and "he": a first name that may be either ("Ted") is not ruled out
        pytest.param(
            "Rafael Cruz, the father, spoke first. Then Ted Cruz took the stage. Cruz said he would win.",
            ["Ted Cruz"],
            id="either-first-name-not-ruled-out",
        ),
        # two people of the main clause fit: unclear
        pytest.param(
            "Tom Reed said the plan was dead. Chidi Okafor met Paul Baker on Monday. He said the vote was a sad day.",
            ["Tom Reed", "unclear"],
            id="two-people-fit-unclear",
        ),
    ],
)
def test_pronoun_resolution(text, speakers):
    assert _speakers(text) == speakers


def test_pronoun_after_a_name():
    text = "Lee said she would run. Ruiz's aide said he left. Kim thanked him. Ahn met Ito and he left."
    assert pronoun_after(text, text.index(" said she")) == "female"
    assert pronoun_after(text, text.index("'s aide")) is None  # a possessor: the pronoun is the aide's
    assert pronoun_after(text, text.index(" thanked")) is None  # an object pronoun votes for no one
    ito = text.index("Ito")
    assert pronoun_after(text, text.index(" met Ito"), [ito]) is None  # another person comes first


def test_pronoun_genders_need_agreeing_votes():
    text = "Sam Lee said she won. Sam Lee said she would stay. Jo Kim said he lost. Jo Kim said she was sad."
    persons = [(i, i + 7) for i in (0, 22)] + [(i, i + 6) for i in (text.index("Jo Kim"), text.rindex("Jo Kim"))]
    genders = PronounGenders(text, persons, lambda start: text[start : start + 6].strip())
    assert genders.gender("Sam Le") == "female"
    assert genders.gender("Jo Kim") is None  # one vote each way
    assert genders.gender("Jo Kim", weak=True) is None
