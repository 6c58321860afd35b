"""Speaker types when the evidence competes: anonymous sources, local-government titles, an
honorific beside an office, pupils at a school, a charity's network, where a role is held.

Every text here is invented for the test; the type expected is the one the coding rules of
``benchmarks/gold_speaker_types.csv`` give (docs/sources.md, "Speaker types").
"""

from __future__ import annotations

import pytest

from analysis.sources import extract_quotes
from analysis.sources.names import parse_name, title_types
from analysis.sources.speaker_context import anonymous, predicate_role
from analysis.sources.speaker_types import apposition_type, org_type


def _types(text: str) -> dict[str, str]:
    quotes = extract_quotes(text)
    return dict(zip(quotes["speaker"].astype(str), quotes["speaker_type"].astype(str)))


# --- anonymous sources: unnamed, whatever their role -------------------------------------


def test_anonymity_is_read_in_the_sentence_or_the_describing_phrase():
    assert anonymous("A clerk, who asked not to be identified, said the vault was open.", "A clerk")
    assert anonymous("A guard said the vault was open.", "A guard, not authorized to speak, who saw it")
    assert anonymous("Three people briefed on the audit said it found gaps.", "Three people briefed on the audit")
    assert anonymous("A person close to the mayor said she was tired.", "A person close to the mayor")
    assert not anonymous("A ranger at the park said the trail had flooded.", "A ranger at the park")


def test_an_official_speaking_anonymously_is_unnamed_in_every_statement():
    text = (
        "The bridge over the Tamsel closed on Monday. An engineer at the state transport agency, "
        "who spoke on condition of anonymity, said the bolts had rusted through. The engineer "
        "said the repairs would take a month."
    )
    types = _types(text)
    anonymous_sources = [s for s, t in types.items() if "engineer" in s.lower()]
    assert anonymous_sources, types
    assert all(types[s] == "unnamed" for s in anonymous_sources), types


def test_people_familiar_with_a_matter_are_unnamed_not_citizens():
    text = "The mill lost its largest buyer last week. Two people familiar with the talks said the buyer had left over prices."
    types = _types(text)
    assert types.get("Two people familiar with the talks") == "unnamed", types


def test_an_official_who_is_not_anonymous_keeps_the_type_of_the_role():
    text = "The road reopened on Friday. An official at the county roads department said the snow had been cleared."
    types = _types(text)
    officials = {t for s, t in types.items() if "official" in s.lower()}
    assert officials == {"government"}, types


# --- local-government and institutional titles -------------------------------------------


@pytest.mark.parametrize(
    ("mention", "name", "kind"),
    [
        ("Trustee Nora Pell", "Nora Pell", "government"),
        ("Superintendent Abel Voss", "Abel Voss", "government"),
        ("Board Chair Ines Graf", "Ines Graf", "government"),
        ("Board Chairwoman Ines Graf", "Ines Graf", "government"),
        ("County Clerk Tom Ruhl", "Tom Ruhl", "government"),
        ("Registrar Ada Lund", "Ada Lund", "government"),
        ("Provost Lena Marr", "Lena Marr", "academic"),
        ("Principal Owen Tate", "Owen Tate", "academic"),
    ],
)
def test_local_titles_type_the_source_and_stay_out_of_its_name(mention, name, kind):
    parts = parse_name(mention)
    assert parts.name == name
    assert title_types(parts.titles) == [kind]


def test_titled_school_officials_in_a_story_are_government():
    text = (
        "The school board voted 4-1 on Monday to close the pool. Trustee Nora Pell, who voted "
        "against it, said the vote was rushed. Superintendent Abel Voss said the pool would "
        "reopen in the spring."
    )
    types = _types(text)
    assert types.get("Nora Pell") == "government", types
    assert types.get("Abel Voss") == "government", types


def test_a_title_a_charity_or_a_firm_also_has_takes_the_type_of_the_body():
    assert apposition_type("a trustee of the Hale Fund") == "civil_society"
    assert apposition_type("a principal at Hale Capital Partners") == "company"
    assert apposition_type("a school board trustee") == "government"


# --- which evidence wins -----------------------------------------------------------------


def test_an_office_beats_the_honorific_dr():
    text = (
        "Pellham Foods, the company that runs the dairy, said it would cut 40 jobs. Its chief "
        'executive, Dr. Rosa Lind, told staff the cuts were "painful but needed."'
    )
    assert _types(text).get("Rosa Lind") == "company", _types(text)


def test_the_honorific_dr_alone_still_types_an_expert():
    text = 'The heat wave will last a week, said Dr. Rosa Lind. "Drink water," Lind said.'
    assert _types(text).get("Rosa Lind") == "academic", _types(text)


@pytest.mark.parametrize(
    "apposition",
    ["a junior at Pellham High School", "a sophomore at Marlow College", "a pupil at Ashgrove Primary School", "a senior at Tamsel University"],
)
def test_a_pupil_at_a_school_is_a_citizen(apposition):
    assert apposition_type(apposition) == "citizen"


def test_school_staff_are_not_pupils():
    assert apposition_type("a professor at Tamsel University") == "academic"
    assert apposition_type("a senior fellow at the Marlow Institute") == "academic"


def test_a_network_is_typed_by_its_other_words():
    assert org_type("Fenland Relief Network") == "civil_society"
    assert org_type("Tamsel Broadcasting Network") == "media"
    assert org_type("Pellham Network") == "media"


def test_a_place_closing_a_role_is_where_it_is_held():
    assert apposition_type("the largest home insurer in the county") == "company"
    assert apposition_type("the biggest lender in the state") == "company"


def test_a_spokesman_for_a_company_speaks_for_the_company():
    text = "A spokesman for Brightvale, the firm that makes the lockers, said it had sold 300 of them."
    types = _types(text)
    assert "government" not in types.values(), types


def test_an_elected_office_after_the_name_is_the_role():
    text = "Ann Cole, a nurse, was elected mayor of Dayton last week."
    assert predicate_role(text, 0, 8) == "mayor of Dayton"
    assert predicate_role("Ann Cole was named head coach of the Tigers.", 0, 8) == ""  # no word types a coach


def test_principal_before_another_title_is_no_school_head():
    parts = parse_name("Principal Deputy Press Secretary Ann Cole")
    assert parts.name == "Ann Cole"
    assert set(title_types(parts.titles)) == {"government"}


def test_an_engineer_at_a_polytechnic_is_an_expert_with_or_without_his_title():
    text = "A fire gutted the depot on Sunday. Dr. Wen Osei, a fire engineer at Harlow Polytechnic, said it was too early to name a cause."
    assert _types(text).get("Wen Osei") == "academic"
    assert org_type("Harlow Polytechnic") == "academic"


def test_an_anonymous_official_of_a_named_body_is_unnamed():
    text = (
        "The vote would wait, said a senior Harlow Union official, who asked for anonymity as the talks "
        "were private. Ann Cole, a senior Harlow Union official, said the talks would go on."
    )
    types = _types(text)
    assert types.get("a senior Harlow Union official") == "unnamed", types
    assert types.get("Ann Cole") == "civil_society", types
