"""Bring your own article: pasted text or a file as an article, or the built-in demo text."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from ... import config
from ...corpus import Article, Corpus, load_article, make_article

#: A short news item written for this suite, so that "bring your own article" always runs.
#: The town, the people and the figures are invented.
DEMO_ARTICLE = """Harbour Town Council Delays Vote on Ferry Timetable

The council of Harbour Town on Tuesday postponed a vote on a new winter timetable for the river ferry, after residents asked for more time to comment.

"We want to get this right for the people who use the ferry every day," council leader Maria Okafor said. She added that the council would hold a public meeting on the plan next month.

The ferry operator, Blue Line Boats, said the new timetable would drop two early-morning crossings and save about 40,000 dollars a year. The company insisted that the change was needed to keep fares stable.

Shop owners near the pier complained that fewer early crossings would hurt their business. "Half of my customers come over on the first boat," said Tom Reyes, who runs a bakery by the landing.

Lena Brandt, a transport researcher at the regional university, said the savings were probably smaller than the operator expected, because fuel costs have fallen since the spring.

The council is expected to vote on the timetable in March.
"""


def load_own_article(text: str = "", file: str | Path = "", *, article_id: str = "your_article") -> Article:
    """The article to analyse: pasted ``text``, else the ``file``, else :data:`DEMO_ARTICLE`.

    A relative ``file`` is looked up from the current folder, then from the project folder
    (``seeds/...`` works from the notebooks).

    Raises:
        ArticleError: for input that is no English article (empty, binary, undecodable,
            too large, non-English, only boilerplate), naming the input and the problem.

    Example:
        >>> load_own_article().id, load_own_article("A short text. It says little.").id
        ('demo_article', 'your_article')
    """
    if str(text).strip():
        return make_article(str(text), id=article_id, source="the pasted text (ARTICLE_TEXT)")
    if str(file).strip():
        path = Path(str(file).strip()).expanduser()
        if not path.is_absolute() and not path.exists():
            for base in (config.ROOT, config.NOTEBOOKS_DIR):
                if (base / path).exists():
                    path = base / path
                    break
        return load_article(path)
    return make_article(DEMO_ARTICLE, id="demo_article", source="the built-in demo text")


def with_others(article: Article, others: Iterable[Article]) -> Corpus:
    """One corpus of ``article`` first and ``others``; the article's id is changed if taken."""
    others = list(others)
    taken = {o.id for o in others}
    if article.id in taken:
        article = replace(article, id=f"{article.id}_yours")
    return Corpus([article, *others])
