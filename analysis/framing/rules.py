"""The frame rule sets: which cues stand for which frame, and which question each answers.

Two schemes, each read once from a data file in ``analysis/lexicons/``: ``"generic"``, the
five news frames of Semetko & Valkenburg (2000) with their 20-question battery
(``frame_cues_generic.toml``), and ``"policy"``, the dimensions of the Policy Frames
Codebook (``frame_cues_policy.toml``). :func:`frame_rules` shows a scheme as a table;
``docs/framing_rules.md`` is generated from the same files.
"""

from __future__ import annotations

import functools

import pandas as pd

from ..lexicons import table
from .cues import _compile, _Cue, _CueIndex, _index

_SCHEMES = ("generic", "policy")

#: The 20 yes/no questions of Semetko & Valkenburg (2000), grouped by frame,
#: paraphrased; each cue group of :data:`FRAME_RULES` operationalises one of them
#: (read from ``analysis/lexicons/frame_cues_generic.toml``).
GENERIC_QUESTIONS: dict[str, str] = dict(table("frame_cues_generic.toml")["questions"])

#: Cue lists per scheme, frame and question, read from
#: ``analysis/lexicons/frame_cues_<scheme>.toml``. Cue syntax: words separated by spaces; each
#: content word also matches its regular inflections (``ban`` matches bans, banned,
#: banning; words that are not purely alphabetic, such as ``%`` or ``u.s.``, are matched as
#: written); in ``a|b`` the forms after ``|`` are irregular forms matched as written; ``#``
#: is any number. Matching is case-insensitive and token-based, so ``right`` does not match
#: inside ``right-wing``.
FRAME_RULES: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    scheme: {
        frame: {question: tuple(cues) for question, cues in questions.items()}
        for frame, questions in table(f"frame_cues_{scheme}.toml")["cues"].items()
    }
    for scheme in _SCHEMES
}

# Policy Frames Codebook dimensions (Boydstun et al. 2014; Card et al. 2015). The codebook
# defines frames by description; the cue lists are this project's operationalisation.
_POLICY_DESCRIPTIONS: dict[str, str] = dict(table("frame_cues_policy.toml")["questions"])

# Questions of the battery that have no cues, and why (human_interest.5: pictures).
_UNCODED: dict[str, str] = dict(table("frame_cues_generic.toml").get("uncoded", {}))

# First-person words inside a quotation: a human voice speaking for itself (human_interest.1).
# Singular only: the "we" and "our" of a spokesperson or a company speak for an institution.
_FIRST_PERSON = frozenset({"i", "me", "my", "mine", "myself"})
_FIRST_PERSON_QUESTION = "human_interest.1"
_FIRST_PERSON_CUE = "first-person singular pronoun inside a quotation"


@functools.lru_cache(maxsize=4)
def _frame_index(scheme: str) -> _CueIndex:
    if scheme not in FRAME_RULES:
        raise ValueError(f"unknown frame scheme {scheme!r}; choose one of {list(FRAME_RULES)}")
    cues: list[_Cue] = []
    for frame, questions in FRAME_RULES[scheme].items():
        for question, words in questions.items():
            cues += _compile(frame, question, words)
    return _index(cues)


def _question_text(question: str) -> str:
    return GENERIC_QUESTIONS.get(question) or _POLICY_DESCRIPTIONS.get(question, "")


def frame_rules(*, scheme: str = "generic") -> pd.DataFrame:
    """The frame rule set as a table, one row per cue.

    Args:
        scheme: ``"generic"`` (Semetko & Valkenburg's five news frames) or ``"policy"``
            (Policy Frames Codebook dimensions).

    Returns:
        DataFrame with columns ``scheme, frame, question, question_text, cue``:
        ``question`` is the rule id (``"conflict.2"``), ``question_text`` the battery
        question (generic) or the codebook description (policy) it operationalises, and
        ``cue`` the cue as written (see :data:`FRAME_RULES` for the syntax). The first-person
        rule of ``human_interest.1`` is listed with the cue
        ``"first-person singular pronoun inside a quotation"``.

    References:
        Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content
        analysis of press and television news. Journal of Communication, 50(2), 93-109.

        Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking
        the development of media frames within and across policy issues. Working paper.

        Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media
        Frames Corpus: Annotations of frames across issues. Proceedings of ACL-IJCNLP 2015
        (Volume 2: Short Papers), 438-444.

    Example:
        >>> rules = frame_rules()
        >>> sorted(rules["frame"].unique())
        ['conflict', 'economic', 'human_interest', 'morality', 'responsibility']
    """
    if scheme not in FRAME_RULES:
        raise ValueError(f"unknown frame scheme {scheme!r}; choose one of {list(FRAME_RULES)}")
    rows = []
    for frame, questions in FRAME_RULES[scheme].items():
        for question, words in questions.items():
            for cue in words:
                rows.append((scheme, frame, question, _question_text(question), cue))
            if scheme == "generic" and question == _FIRST_PERSON_QUESTION:
                rows.append((scheme, frame, question, _question_text(question), _FIRST_PERSON_CUE))
    return pd.DataFrame(rows, columns=["scheme", "frame", "question", "question_text", "cue"])
