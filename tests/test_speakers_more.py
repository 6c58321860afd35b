"""Who speaks, on sentences written for these tests: opening phrases and adverbs, ages and
appositions, place and affiliation tags, verbs joined by "and", relative clauses."""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.names import parse_name
from analysis.sources.speakers import _main_subject, _subject_before


def _speakers(text: str) -> dict[str, str]:
    """cue -> canonical speaker of each statement found in ``text``."""
    return {row["cue"]: row["speaker"] for row in extract_quotes(text).to_dict("records")}


def _before(sentence: str, cue: str) -> str | None:
    span = _subject_before(sentence, sentence.index(cue))
    return sentence[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    "sentence, cue, expected",
    [
        # a sentence adverb is no speaker
        ("Regardless, the Water Board said it found no leak.", "said", "the Water Board"),
        ("Then Mayor Ruiz, two weeks later, announced a new plan.", "announced", "Mayor Ruiz"),
        ("Now Bellamy says he is tired of the campaign.", "says", "Bellamy"),
        # an opening participle phrase ending in a place is no name before a place
        ("Speaking late Tuesday in Tampa, Orwin insisted that he had won.", "insisted", "Orwin"),
        ("Kicking off the day at a diner in Keene, Orwin accused the mayor of lying.", "accused", "Orwin"),
        # ... but a name and its home town still are
        ("Tara Bell of Dayton, Ohio says she will vote.", "says", "Tara Bell of Dayton"),
        # an age between a name and its apposition
        ("Marla Andrews, 21, a junior from Reno, said she would vote.", "said", "Marla Andrews"),
        # a participle aside between a speaker and its verb
        ("The mayor's office, when contacted by the paper, said it had no comment.", "said", "The mayor's office"),
        # a verb joined by "and" has no subject of its own before it
        ("Orwin went after the governor and called for her to quit.", "called", None),
    ],
)
def test_subject_before(sentence: str, cue: str, expected: str | None) -> None:
    assert _before(sentence, cue) == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("The port authority closed the pier on Monday, saying the storm was too strong.", "The port authority"),
        ("At a rally in Dover, N.H., on Tuesday, Senator Ada Penn of Vermont endorsed the mayor, saying she would win.", "Senator Ada Penn of Vermont"),
        ("Although Bellamy is not a candidate, Orwin mocked him, saying he was worth less.", "Orwin"),
        ("Likewise, Orwin went after the governor, calling for her to quit.", "Orwin"),
        ("Presumptive Republican presidential nominee Ada Penn called on the council to act, saying it was late.", "Presumptive Republican presidential nominee Ada Penn"),
    ],
)
def test_main_subject(sentence: str, expected: str) -> None:
    span = _main_subject(sentence)
    assert span is not None and sentence[span[0] : span[1]] == expected


@pytest.mark.parametrize(
    "mention, name",
    [
        ("Stephen Vail of the University of Marlow School of Law", "Stephen Vail"),
        ("Meera Gaur of Human Rights Watch", "Meera Gaur"),
        ("Rep. Elijah Cummings of Maryland", "Elijah Cummings"),
        ("Former Secretary of State Ada Penn", "Ada Penn"),
        ("Marlow County Registrar of Voters Susan Ruiz", "Susan Ruiz"),
    ],
)
def test_affiliation_tag_is_no_part_of_the_name(mention: str, name: str) -> None:
    assert parse_name(mention).name == name


def test_relative_clause_after_a_place_tag_and_an_apposition() -> None:
    text = (
        "The report was backed by Sen. Dina Fell of Utah, the senior Democrat on the Senate "
        "Budget Committee, who said no letter had come from the governor."
    )
    assert _speakers(text)["said"] == "Dina Fell"
    text = "Sen. Marco Penn of Florida, who mused in the debate that the governor was unfit, left early."
    assert _speakers(text)["mused"] == "Marco Penn"


def test_speaker_through_an_age_apposition() -> None:
    assert _speakers("Marla Andrews, 21, a junior from Reno, said she would vote for the senator.")["said"] == "Marla Andrews"


def test_coordinated_verb_keeps_the_clause_subject() -> None:
    found = _speakers("De Blasio said the move was made by the commissioner and said, “Who else is to blame?”")
    assert set(found.values()) == {"De Blasio"}


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Eight years ago, Al Penn backed the mayor, saying she was the best.", "Al Penn"),
        ("Just before the ferry left, the captain asked for calm, saying the sea was rough.", "the captain"),
    ],
)
def test_main_subject_after_a_time_phrase(sentence: str, expected: str) -> None:
    span = _main_subject(sentence)
    assert span is not None and sentence[span[0] : span[1]] == expected


def test_relative_pronoun_is_the_mention_and_its_antecedent_the_speaker() -> None:
    rows = extract_quotes('"We will win," said Rep. Ann Bolt of Maine, who added that the vote was close.')
    added = rows[rows["cue"] == "added"].iloc[0]
    assert added["mention"] == "who"
    assert added["speaker"] == "Ann Bolt"
    assert added["speaker_type"] == "politics"


@pytest.mark.parametrize(
    "sentence, cue",
    [
        ("The board voted 5-2 for the motion which said the park was open.", "said"),
        ("Later the host asked the mayor which streets she would close.", "asked"),
    ],
)
def test_which_without_a_comma_is_no_relative_speaker(sentence: str, cue: str) -> None:
    assert _before(sentence, cue) != "which"


def test_verb_joined_inside_a_subordinate_clause() -> None:
    text = "Some in the hall jeered, and when Hale thanked Dayton and said it felt good to be back, a man yelled."
    assert _before(text, "said it") == "Hale"


def test_described_people_are_not_merged_by_their_party_label() -> None:
    found = extract_quotes('"He will win," one Iowa Democrat said. "She will lose," a Texas Democrat said.')
    assert sorted(found["speaker"]) == ["a Texas Democrat", "one Iowa Democrat"]


def test_quantified_group_keeps_its_quantifier() -> None:
    assert _speakers("Several Democrats said they would vote against the bill.")["said"] == "several Democrats"


def test_acronym_kept_beside_the_full_name() -> None:
    text = "The Federal Bureau of Investigation opened a case. The F.B.I. said it had no suspects."
    assert _speakers(text)["said"] == "Federal Bureau of Investigation (F.B.I.)"


def test_first_person_pronoun_refers_to_a_person_only() -> None:
    rows = extract_quotes('The ministry said it would act soon. "I am not worried," I said.')
    assert list(rows["speaker"]) == ["the ministry", "unnamed"]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Chris Covet, Ohio organiser for Hale, said the turnout was low.", "Chris Covet"),
        ("Rita Bell, Fair Streets' executive director, said the party must act.", "Rita Bell"),
        ("Michael Seal, who lives on a farm just outside the county seat, Dayton, said he would vote.", "Michael Seal"),
        ('Rep. John Butterfield spoke first at the meeting. "We are united," said Butterfield of North Carolina.', "John Butterfield"),
        ('"It is irresistible," said Mr. Nevins of Showtime.', "Nevins"),
        ("Fees rose, according to figures from the U.S. Department of Labor.", "U.S. Department of Labor"),
    ],
)
def test_speaker_past_appositions_tags_and_dotted_acronyms(text: str, expected: str) -> None:
    assert list(_speakers(text).values())[-1] == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Speaking at a town hall in Salem, New Hampshire, Orwin went after the mayor, calling him a stiff.", "Orwin"),
        ("At a town meeting in Dayton, Ohio, on Friday, Mrs. Dorn tried to explain, saying the city should lead.", "Mrs. Dorn"),
        ("At a rally in Dover, Orwin, the nominee, mocked the governor, calling her weak.", "Orwin"),
        ("Springfield (AFP) - Democrat Ada Penn has taken a swipe at her rival, saying his comments do harm.", "Democrat Ada Penn"),
    ],
)
def test_main_subject_after_a_place_and_its_state(sentence: str, expected: str) -> None:
    span = _main_subject(sentence)
    assert span is not None and sentence[span[0] : span[1]] == expected


def test_relative_clause_ending_in_a_place_and_a_time() -> None:
    text = "Sandy Phil, who lost her son in a fire in Dayton, Ohio, in May 2019, said that the senator had been rude."
    assert _before(text, "said that") == "Sandy Phil"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Senator Tod Crane of Ohio and Senator Rand Pollard of Maine said the tax was unfair.", "Tod Crane and Rand Pollard"),
        ("Committee Chairman Jason Chaff (R-Utah) and Judiciary Chairman Bob Goodlate (R-Va.) said the rules were broken.", "Jason Chaff and Bob Goodlate"),
        ("Hillary Dorn spoke on Monday. Dorn and the State Department said the emails were personal.", "Hillary Dorn and State Department"),
    ],
)
def test_a_list_of_named_sources_is_one_group(text: str, expected: str) -> None:
    assert _speakers(text)["said"] == expected


def test_a_first_name_ending_in_ed_is_no_verb() -> None:
    assert _before("Sen. Ted Ruiz and Sen. Ana Penn said the tax was unfair.", "said") == "Sen. Ted Ruiz and Sen. Ana Penn"


def test_pronoun_takes_the_subject_after_an_opening_phrase() -> None:
    text = "Tom Hale said the rally was loud. During the long drive home, Bob Sexton reflected on the rally, and he said it was frightening."
    rows = extract_quotes(text)
    assert list(rows["speaker"]) == ["Tom Hale", "Bob Sexton"]


def test_surname_links_to_the_family_member_named_last_before_it() -> None:
    text = (
        "Bill Dorn campaigned in Ohio last week. Hillary Dorn, who won three states on Tuesday, "
        "spoke at a rally. Dorn said the party was united. Hillary Dorn left for Iowa on Wednesday."
    )
    assert _speakers(text)["said"] == "Hillary Dorn"


def test_an_ordinal_adverb_is_no_speaker() -> None:
    assert _before("First, party officials said the vote would begin late.", "said") == "party officials"


@pytest.mark.parametrize(
    "sentence, expected",
    [
        ("Mr. Putin likes to throw in a few surprises, saying he enjoys them.", "Mr. Putin"),
        ("More recently, Ana Penn has spoken out against the law, calling it unfair.", "Ana Penn"),
        ("A few minutes later the organisers reversed themselves, saying it was fair.", "the organisers"),
    ],
)
def test_main_subject_without_a_verb_or_an_opening_time(sentence: str, expected: str) -> None:
    span = _main_subject(sentence)
    assert span is not None and sentence[span[0] : span[1]] == expected


def test_trailing_first_is_no_part_of_the_speaker() -> None:
    assert _before("Mayor Ana Penn first said the plan was weak.", "said") == "Mayor Ana Penn"


@pytest.mark.parametrize(
    "text, mention",
    [
        ("Rubio opposes the plan, but - after a court ruling made it legal - he urged his party to obey it.", "he"),
        ("Orwin said he responded: “When you are attacked, you hit back.”", "he"),
    ],
)
def test_a_clause_is_no_speaker_mention(text: str, mention: str) -> None:
    rows = extract_quotes(text)
    assert mention in list(rows["mention"])
    assert not any(m.split()[-1] in ("he", "the", "that", "to", "but") and len(m.split()) > 1 for m in rows["mention"])


def test_role_subject_keeps_its_organisation() -> None:
    sentence = "A spokesman for Marlow Water declined to comment, saying the case was closed."
    span = _main_subject(sentence)
    assert span is not None and sentence[span[0] : span[1]] == "A spokesman for Marlow Water"


def test_organisation_cut_by_the_recogniser_takes_the_whole_name_from_the_mention() -> None:
    from analysis.sources.resolve import _Entity, _Resolver

    text = "The deficit will grow, the Congressional Budget Office said. The Budget Office added that rates would rise."
    first, second = text.index("Budget Office"), text.rindex("Budget Office")
    entities = [
        _Entity("Budget Office", "ORGANIZATION", first, first + 13, "Budget Office"),
        _Entity("Budget Office", "ORGANIZATION", second, second + 13, "Budget Office"),
    ]
    resolver = _Resolver(text, entities)
    start = text.index("the Congressional")
    assert resolver.resolve(start, first + 13, 0)[0] == "Congressional Budget Office"
    later = text.index("The Budget")
    assert resolver.resolve(later, second + 13, later)[0] == "Congressional Budget Office"


@pytest.mark.parametrize(
    "mention, expected",
    [
        ("the secretary left office - the State Department", "the State Department"),
        ("Deborah Rey - the girlfriend of the host -", "Deborah Rey"),
        ("Mr. Leenders said he", "he"),
        ("the Democrats kept pressing for a plan that", "the Democrats"),
    ],
)
def test_trim_a_mention_that_is_a_clause(mention: str, expected: str) -> None:
    from analysis.sources.records import _trim_clause

    start, end = _trim_clause(mention, (0, len(mention)))
    assert mention[start:end] == expected


def test_contracted_pronoun_is_resolved_like_the_pronoun() -> None:
    rows = extract_quotes("Tom Penn lost the vote. He's argued that the count was wrong.")
    assert list(rows["mention"]) == ["He"]
    assert list(rows["speaker"]) == ["Tom Penn"]


@pytest.mark.parametrize("mention", ["The", "But", "There’s"])
def test_a_lone_function_word_is_no_speaker(mention: str) -> None:
    from analysis.sources.resolve import UNCLEAR, _Resolver

    text = f"{mention} said the plan would fail."
    assert _Resolver(text, []).resolve(0, len(mention), 0)[0] == UNCLEAR


def test_relative_pronoun_after_a_home_town_and_state() -> None:
    rows = extract_quotes('"We need change," said Naomi Jahn, a supporter from Hemet, California, who added that she would vote.')
    assert list(rows["speaker"]) == ["Naomi Jahn", "Naomi Jahn"]


@pytest.mark.parametrize(
    "text, expected",
    [
        # initials before a surname end no sentence; an acronym that ends one still does
        ("The plan fails, said K.T. Marlow, a planner. It was late.", 2),
        ("She moved to the U.S. The move was hard.", 2),
        ("It grounded the jets, said the F.A.A. The agency gave no date.", 2),
        # a party and state tag before a verb in lower case ends no sentence
        ("Sen. Ada Vance (R-Miss.) said the bill was dead. Then she left.", 2),
        ("Nobody came. iPads were sold out.", 2),
    ],
)
def test_sentences_not_split_after_initials(text: str, expected: int) -> None:
    from analysis.nlp.text import split_sentences

    assert len(split_sentences(text)) == expected


def test_speaker_named_with_initials() -> None:
    text = "\"The plan will fail in every county,\" said K.T. Marlow, a planner at the institute."
    assert _speakers(text) == {"said": "K.T. Marlow"}


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # a judge is a person: the court is not the speaker
        ("The Appeals Court judge said the ruling would stand for many years to come.", "said", "the Appeals Court judge"),
        # an outlet written in capitals keeps its last word ("TODAY" is no time here)
        ("DAILY TODAY reported last week that the mayor took the fees in return for favours.", "reported", "DAILY TODAY"),
        # a verb joined by "but" shares its subject, which may go on with a title and a name
        ("The county GOP Chairman Ron Tillis declined to name them but said one was a supporter of the mayor.", "said", "Ron Tillis"),
    ],
)
def test_speaker_titles_outlets_and_but(text: str, cue: str, expected: str) -> None:
    assert _speakers(text)[cue] == expected


def test_role_for_an_organisation_is_no_surname() -> None:
    # the last word of the organisation a spokesman speaks for is no person's name
    text = "A spokeswoman for the Harlow Police Department said the mayor was not handcuffed at the time."
    assert _speakers(text)["said"] == "Harlow Police Department"


def test_weekday_after_a_name_is_no_speaker() -> None:
    text = 'Much of the anger went to the manager, who Orwin on Wednesday called "a disgrace to the club."'
    assert _speakers(text)["called"] == "Orwin"


@pytest.mark.parametrize(
    "text, cue, expected",
    [
        # "Even" opens no name, so the apposition after the name is no speaker
        ("Even Orwin, a stalwart supporter of the mayor, said the tax would be easier to pass.", "said", "Orwin"),
        # a capitalised role word at the end of a long name is part of the name
        ("President Ana Ruiz spoke on Monday. Yet the press was harsh: The Ames Union Leader said the mayor had been rocked.", "said", "the Ames Union Leader"),
    ],
)
def test_even_and_names_ending_in_a_role(text: str, cue: str, expected: str) -> None:
    assert _speakers(text)[cue] == expected


def test_title_abbreviation_ends_no_sentence() -> None:
    from analysis.nlp.text import split_sentences

    assert len(split_sentences("Eddie Vance, who was then a Ft. Worth member of the club, said the tax would pass.")) == 1


@pytest.mark.parametrize(
    "text, expected",
    [
        # an adverb in -ly between a speaker and its verb is no part of the speaker
        ("The tax plan is a gift to the rich, Mr. Orwin implicitly argued in a speech on Monday.", "Orwin"),
        # ... but a surname in -ly and a noun in -ly are kept
        ("The tax plan is a gift to the rich, Sen. Joe Donnelly argued in a speech on Monday.", "Joe Donnelly"),
        ("The tax plan is a gift to the rich, the Orwin family argued in a speech on Monday.", "the Orwin family"),
    ],
)
def test_adverb_in_ly_after_a_speaker(text: str, expected: str) -> None:
    assert _speakers(text)["argued"] == expected


def test_adjective_in_ed_after_an_article_keeps_the_name() -> None:
    # "A flabbergasted Orwin" is a noun phrase, not "A" and a verb in -ed
    rows = extract_quotes("A flabbergasted Orwin quipped, “We lost the map again.”").to_dict("records")
    assert [(r["speaker"], r["mention"]) for r in rows] == [("Orwin", "A flabbergasted Orwin")]


@pytest.mark.parametrize(
    "text, cue",
    [
        # two names joined by "and" are the subject a participle or a joined verb shares
        ("Ana Ruiz and Tom Pell both campaigned hard in Utah, hoping to win.", "hoping"),
        ("Ana Ruiz and Tom Pell stood side by side Monday and repeated the charges they made.", "repeated"),
        # ... also after a party tag in brackets
        ("Sen. Ana Ruiz (R-Utah) and Sen. Tom Pell (R-Va.) met the judge, asking him to act.", "asking"),
    ],
)
def test_two_names_joined_by_and_share_the_verb(text: str, cue: str) -> None:
    assert _speakers(text)[cue] == "Ana Ruiz and Tom Pell"
