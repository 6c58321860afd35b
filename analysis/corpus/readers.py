"""Read every input into articles: a folder, a manifest, a ``.csv``/``.jsonl`` table, or one file.

:func:`iter_inputs` reads and decodes (no pandas, no NLTK: corpus mode's main process uses
it); :meth:`RawArticle.load` cleans (:func:`~analysis.corpus.clean.make_article`);
:func:`iter_articles` and :func:`load_corpus` do both. An input that fails becomes a
:class:`~analysis.corpus.model.Reject` naming the file (or file and row) and the reason,
and the rest still loads.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import config
from .clean import make_article
from .dates import parse_date
from .decode import read_article_file
from .model import Article, ArticleError, Corpus, Reject

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST_FIELDS = ["id", "file", "outlet", "headline", "published", "url", "language", "translation", "notes"]


def load_article(path: str | Path, *, metadata: dict | None = None, allow_non_english: bool = False) -> Article:
    """Load one article file; its id is the file stem unless ``metadata`` gives one.

    Raises:
        ArticleError: for an empty, binary, undecodable, oversized, non-English or
            text-less file, naming the file and the problem.

    Example:
        >>> load_article(config.SEEDS_DIR / "002_96cf24b8358f7f15.txt").published
        '2021-04-08'
    """
    path = Path(path)
    raw, encoding = read_article_file(path)
    return make_article(
        raw, id=path.stem, source=path.name, encoding=encoding, metadata=metadata,
        allow_non_english=allow_non_english,
    )  # fmt: skip


_TEXT_KEYS = ("text", "body", "content", "article")
_ALIASES = {
    "headline": ("headline", "title"), "outlet": ("outlet", "source", "publisher", "site"),
    "published": ("published", "date", "publication_date", "pub_date"), "url": ("url", "link"),
    "language": ("language", "lang"), "translation": ("translation",), "notes": ("notes",),
    "id": ("id", "doc_id", "article_id"),
}  # fmt: skip


@dataclass(frozen=True)
class RawArticle:
    """An input read and decoded but not yet cleaned: what :func:`make_article` needs.

    ``id`` is the article's id (a :class:`Reject` of it carries it too); ``row``, for a file
    named by a manifest, is that row (``"manifest.csv row 3"``), put before the file's name
    in the source of a reject.
    """

    raw: str
    id: str
    source: str
    encoding: str = "utf-8"
    metadata: dict | None = None
    row: str = ""

    def load(self, *, allow_non_english: bool = False) -> Article | Reject:
        """Clean the text into an :class:`Article`, or say why not (a :class:`Reject`)."""
        try:
            return make_article(
                self.raw, id=self.id, source=self.source, encoding=self.encoding, metadata=self.metadata,
                allow_non_english=allow_non_english,
            )  # fmt: skip
        except ArticleError as err:
            return _reject(err, self.id, self.row)


def iter_inputs(path: str | Path = config.SEEDS_DIR) -> Iterator[RawArticle | Reject]:
    """Yield a :class:`RawArticle` or a :class:`Reject` for every input, read but not cleaned.

    What :func:`iter_articles` yields, before cleaning and the language check
    (:meth:`RawArticle.load`); inputs that cannot be read (missing, binary, undecodable,
    too large, malformed rows) are rejects already. Streams like :func:`iter_articles`.

    >>> first = next(iter_inputs())
    >>> first.source, type(first.load()).__name__
    ('000_eb875e01c2519c6f.txt', 'Article')
    """
    path = Path(path)
    if path.is_dir():
        manifest = path / "manifest.csv"
        if manifest.exists():
            yield from _iter_manifest(manifest)
        else:
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
            for file in files:
                yield _read_file(file)
    elif not path.exists():
        yield Reject(path.name, f"not found: {path}")
    elif path.suffix.lower() == ".csv":
        if _csv_has_column(path, "file"):
            yield from _iter_manifest(path)
        else:
            yield from _iter_table(path, _csv_rows(path))
    elif path.suffix.lower() in (".jsonl", ".ndjson"):
        yield from _iter_table(path, _jsonl_rows(path))
    else:
        yield _read_file(path)


def iter_articles(path: str | Path = config.SEEDS_DIR, *, allow_non_english: bool = False) -> Iterator[Article | Reject]:
    """Yield an :class:`Article` or a :class:`Reject` for every input, one at a time.

    This streams: a table is read row by row and no more than one article is held here.
    """
    for item in iter_inputs(path):
        yield item if isinstance(item, Reject) else item.load(allow_non_english=allow_non_english)


def load_corpus(path: str | Path = config.SEEDS_DIR, *, allow_non_english: bool = False) -> Corpus:
    """Load every article from a folder, manifest, ``.csv``, ``.jsonl`` or single file.

    Bad inputs are skipped and listed in :attr:`Corpus.rejects`; duplicate ids keep the
    first article. Articles keep the order of the input.

    >>> corpus = load_corpus()
    >>> corpus.ids
    ['000_eb875e01c2519c6f', '002_96cf24b8358f7f15']
    """
    corpus = Corpus()
    seen: dict[str, str] = {}
    for item in iter_articles(path, allow_non_english=allow_non_english):
        if isinstance(item, Reject):
            corpus.rejected.append(item)
        elif item.id in seen:
            corpus.rejected.append(Reject(item.source, f"duplicate id '{item.id}' (already loaded from {seen[item.id]})", item.id))
        else:
            seen[item.id] = item.source
            corpus.articles.append(item)
    return corpus


def _read_file(path: Path, metadata: dict | None = None, row: str = "") -> RawArticle | Reject:
    article_id = (metadata or {}).get("id", path.stem)
    try:
        raw, encoding = read_article_file(path)
    except ArticleError as err:
        return _reject(err, article_id, row)
    return RawArticle(raw, article_id, path.name, encoding, metadata, row)


def _reject(err: ArticleError, article_id: str, row: str = "") -> Reject:
    return Reject(f"{row} ({err.source})" if row else err.source, err.reason, article_id)


def _csv_has_column(path: Path, column: str) -> bool:
    with open(path, newline="", encoding="utf-8-sig") as fh:
        header = next(csv.reader(fh), [])
    return column in [h.strip().lower() for h in header]


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """``(row number, row dict)``; a row with the wrong number of fields gives an error string."""
    try:
        with open(path, newline="", encoding="utf-8-sig") as fh:
            reader = csv.reader(fh)
            header = [h.strip().lower() for h in next(reader, [])]
            for number, values in enumerate(reader, start=2):
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    yield number, f"malformed row: {len(values)} fields, the header has {len(header)}"
                else:
                    yield number, dict(zip(header, values))
    except (UnicodeDecodeError, csv.Error) as err:
        yield 0, f"cannot read the table: {err}"


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    try:
        with open(path, encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as err:
                    yield number, f"malformed JSON line: {err.msg}"
                    continue
                yield number, ({str(k).lower(): v for k, v in row.items()} if isinstance(row, dict) else "malformed line: not a JSON object")
    except UnicodeDecodeError as err:
        yield 0, f"cannot read the table: not UTF-8 ({err.reason})"


def _pick(row: dict, key: str) -> str:
    for alias in _ALIASES.get(key, (key,)):
        value = row.get(alias)
        if value not in (None, ""):
            return str(value)
    return ""


def _iter_table(path: Path, rows) -> Iterator[RawArticle | Reject]:
    for number, row in rows:
        where = f"{path.name} row {number}" if path.suffix == ".csv" else f"{path.name} line {number}"
        if isinstance(row, str):
            yield Reject(where if number else path.name, row)
            continue
        text_key = next((k for k in _TEXT_KEYS if k in row), None)
        if text_key is None:
            yield Reject(where, f"no text column (expected one of: {', '.join(_TEXT_KEYS)})")
            continue
        raw = row[text_key]
        article_id = _pick(row, "id") or f"{path.stem}_{number:05d}"
        if not isinstance(raw, str) or not raw.strip():
            yield Reject(where, "empty text", article_id)
            continue
        metadata = {key: _pick(row, key) for key in _ALIASES}
        metadata["id"] = article_id
        yield RawArticle(raw, article_id, where, metadata=metadata)


def _iter_manifest(manifest: Path) -> Iterator[RawArticle | Reject]:
    base = manifest.parent
    for number, row in _csv_rows(manifest):
        where = f"{manifest.name} row {number}"
        if isinstance(row, str):
            yield Reject(where if number else manifest.name, row)
            continue
        file = (row.get("file") or "").strip()
        if not file:
            yield Reject(where, "malformed row: no file named", row.get("id", ""))
            continue
        path = (base / file).resolve()
        article_id = (row.get("id") or "").strip() or Path(file).stem
        published = (row.get("published") or "").strip()
        if published and not parse_date(published):
            yield Reject(where, f"malformed row: published date '{published}' is not a date", article_id)
            continue
        if not path.exists():
            yield Reject(where, f"file not found: {file}", article_id)
            continue
        yield _read_file(path, {**row, "id": article_id}, where)
