"""What is neither speaker nor content: times, adverbs and connectives around a cue.

Regular expressions for the words that stand between a speaker, its reporting verb and
the reported content ("on Wednesday", "also", "in a statement", "However,"), so the rules
can skip them.
"""

from __future__ import annotations

import re

from ..lexicons import words

# a time: "on Wednesday, April 7", "yesterday", "last week", "earlier this month"
_WEEKDAY = "(?:" + "|".join(day.capitalize() for day in words("weekdays.txt")) + ")"
_MONTHS = words("months.txt")
# AP style abbreviates only the months of more than five letters before a day: Jan., Sept. 12
_MONTH_ABBREVIATIONS = [a for a in words("months_abbreviated.txt") if len(next(m for m in _MONTHS if m.startswith(a))) > 5]
_MONTH = "(?:" + "|".join([m.capitalize() for m in _MONTHS] + [f"{a.capitalize()}\\." for a in _MONTH_ABBREVIATIONS]) + ")"
_TIME_ADJUNCT = (
    rf"(?:on\s+)?{_WEEKDAY}(?:\s+(?:morning|afternoon|evening|night))?(?:,?\s+(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,\s*\d{{4}})?)?"
    rf"|(?:on\s+)?(?:{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:,\s*\d{{4}})?"
    r"|yesterday|(?<!USA\s)(?!(?-i:TODAY)\b)today|tonight|last\s+(?:week|month|year|night)|this\s+(?:week|month|year|morning)|earlier(?:\s+this\s+\w+)?|later|recently|previously|on\s+\w+day"
)
# adverbs and auxiliaries between a speaker and its verb: "also", "has long", "flatly"
_ADVERBS = r"(?:(?!(?:family|ally|assembly|rally|supply|daily|weekly|monthly|quarterly|monopoly|anomaly|bully|folly|reply|only|belly|jelly)\b)(?-i:[a-z]{2,}ly)\b|still|also|often|frequently|usually|always|sometimes|once\s+again|previously|later|then|again|further|repeatedly|reportedly|earlier|once|publicly|separately|recently|now|already|subsequently|furthermore|himself|herself|itself|themselves|quickly|angrily|simply|flatly|firmly|bluntly|privately|openly|has|have|had|will|would|could|may|might|did|does|do|not|never|had\s+previously|has\s+since|has\s+long)"
# adjuncts at the end of a speaker phrase: "..., on Wednesday, in a statement"
_TRAILING_ADJUNCTS = re.compile(
    rf"(?:[\s,]+(?:{_TIME_ADJUNCT}|{_ADVERBS}|for\s+(?:example|instance|his\s+part|her\s+part|their\s+part|its\s+part)|in\s+(?:turn|fact|particular|response)|however|though|too|meanwhile|instead|even|soon|already|all|in\s+(?:a|an|its|his|her|their)\s+(?:\w+\s+){{0,3}}(?:statement|interview|email|e-mail|post|letter|tweet|briefing|speech|message)(?:\s+(?:with|to|on)\s+[\w.\s]+?)?|at\s+a\s+(?:\w+\s+){{0,2}}(?:briefing|conference|meeting|rally|hearing|event)))+[\s,]*$",
    re.I,
)
# connectives and scene-setting at the start of a clause: "However,", "In a statement to TASS,"
_LEADING_CONNECTIVE = re.compile(
    r"^(?:(?:later|meanwhile|however|moreover|also|separately|earlier|still|instead|similarly|in\s+addition|at\s+the\s+same\s+time|for\s+example|for\s+instance|in\s+turn|in\s+response|in\s+particular|the\s+day\s+before|on\s+the\s+other\s+hand|on\s+\w+day|(?:in|at|on|during|after|before|since|over|for|from|speaking\s+(?:at|on|to))\s+(?:[\w.'’\-]+\s+){0,5}?[\w.'’\-]+|last\s+\w+|yesterday|today|but|and|so|yet|then|now|thus)\s*,\s*|(?:but|and|so|yet|even)\s+)",
    re.I,
)

_ADJUNCT_PIECE = re.compile(
    r"^(?:(?:at|in|on|of|from|during|after|before|for|with|while|speaking|like|as)\b|\d{1,3}$|[A-Z][a-z]{0,3}\.$|[A-Z]{2}$|[DRI]\s*-\s*[A-Z][\w.]*$)"
)
_TIME = re.compile(_TIME_ADJUNCT, re.I)


def _is_adjunct_piece(piece: str) -> bool:
    """A comma-separated piece that is no speaker: a place, an age, a prepositional phrase."""
    return bool(_ADJUNCT_PIECE.match(piece)) or bool(_TIME.fullmatch(piece))
