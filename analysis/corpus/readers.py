"""Read every input into articles: a folder, a manifest, a ``.csv``/``.jsonl`` table, or one file.

:func:`iter_inputs` reads and decodes (no pandas, no NLTK: corpus mode's main process uses
it); :meth:`RawArticle.load` cleans (:func:`~analysis.corpus.clean.make_article`);
:func:`iter_articles` and :func:`load_corpus` do both. An input that fails becomes a
:class:`~analysis.corpus.model.Reject` naming the file (or file and row) and the reason,
and the rest still loads.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .. import config
from .clean import make_article
from .dates import parse_date
from .decode import MAX_ARTICLE_BYTES, _too_big, read_article_file
from .model import Article, ArticleError, Corpus, Reject

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm")
MANIFEST_FIELDS = ["id", "file", "outlet", "headline", "published", "url", "language", "translation", "notes"]

#: Digits of one JSON number, at most (Python refuses to convert longer integers).
MAX_JSON_NUMBER_DIGITS = 4000
_CSV_FIELD_LIMIT = 4 * MAX_ARTICLE_BYTES  # characters: any text field within the size cap fits
_OUTSIDE = "outside the corpus folder: only files inside the manifest's folder are read"


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
            root = path.resolve()
            files = sorted(p for p in path.iterdir() if p.suffix.lower() in TEXT_SUFFIXES + HTML_SUFFIXES)
            for file in files:
                real, problem = _confined(file, root)
                # the path that was checked is the one read
                yield Reject(file.name, problem, file.stem) if problem else _read_file(real, named=file)
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


def _read_file(path: Path, metadata: dict | None = None, row: str = "", *, named: Path | None = None) -> RawArticle | Reject:
    """Read ``path``; the article is named after ``named`` (the name the user gave, when
    ``path`` is where its links lead)."""
    named = named or path
    article_id = (metadata or {}).get("id", named.stem)
    try:
        raw, encoding = read_article_file(path, named.name)
    except ArticleError as err:
        return _reject(err, article_id, row)
    return RawArticle(raw, article_id, named.name, encoding, metadata, row)


def _reject(err: ArticleError, article_id: str, row: str = "") -> Reject:
    return Reject(f"{row} ({err.source})" if row else err.source, err.reason, article_id)


def _csv_has_column(path: Path, column: str) -> bool:
    try:
        with open(path, "rb") as raw:
            header = next(csv_reader(raw), [])
    except (OSError, csv.Error):
        return False
    return column in [h.strip().lower() for h in header]


#: What an undecodable byte becomes when a table is read with ``errors="surrogateescape"``.
_UNDECODED = re.compile("[\udc80-\udcff]")
_NOT_UTF8 = "not UTF-8 text (save the table as UTF-8)"


def table_text(fh, newline: str | None) -> io.TextIOWrapper:
    """A binary table as text that never fails to decode: bytes that are not UTF-8 become
    lone surrogates (found with :data:`_UNDECODED`), so one bad row rejects only itself.
    Lines may end in ``\\n``, ``\\r\\n`` or ``\\r``."""
    return io.TextIOWrapper(fh, encoding="utf-8-sig", errors="surrogateescape", newline=newline)


def csv_reader(raw) -> Iterator[list[str]]:
    """A :func:`csv.reader` over a binary table (see :func:`table_text`), its field limit
    raised to the article size cap."""
    if csv.field_size_limit() < _CSV_FIELD_LIMIT:
        csv.field_size_limit(_CSV_FIELD_LIMIT)
    return csv.reader(table_text(raw, newline=""))


def _csv_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """``(row number, row dict)``; a row that cannot be used gives an error string instead.

    Each row stands alone: a row with the wrong number of fields, bytes that are not UTF-8,
    or a field over the size cap is one error, and the rows after it are still read.
    """
    try:
        with open(path, "rb") as raw:
            reader = csv_reader(raw)
            header = [h.strip().lower() for h in next(reader, [])]
            if any(_UNDECODED.search(h) for h in header):
                yield 0, "cannot read the table: its header is not UTF-8"
                return
            number = 1
            while True:
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as err:
                    number += 1
                    yield number, f"malformed row: {err}"
                    continue
                number += 1
                if any(_UNDECODED.search(v) for v in values):
                    yield number, _NOT_UTF8
                elif not any(v.strip() for v in values):
                    continue
                elif len(values) != len(header):
                    yield number, f"malformed row: {len(values)} fields, the header has {len(header)}"
                elif any(len(v) > MAX_ARTICLE_BYTES for v in values):
                    yield number, _too_big(max(len(v.encode("utf-8", "surrogatepass")) for v in values))
                else:
                    yield number, dict(zip(header, values))
    except OSError as err:
        yield 0, f"cannot read the table: {err.strerror or err}"


def _json_object(line: str) -> dict | str:
    """One JSON line as a dict with lower-case keys, or the reason it cannot be one."""
    if len(line) > 4 * MAX_ARTICLE_BYTES:
        return _too_big(len(line.encode("utf-8", "surrogatepass")))
    try:
        row = json.loads(line, parse_int=_json_int, parse_constant=_json_constant)
    except json.JSONDecodeError as err:
        return f"malformed JSON line: {err.msg}"
    except RecursionError:
        return "malformed JSON line: nested too deeply"
    except ValueError as err:
        return f"malformed JSON line: {err}"
    if not isinstance(row, dict):
        return "malformed line: not a JSON object"
    return {str(k).lower(): v for k, v in row.items()}


def _json_int(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_JSON_NUMBER_DIGITS:
        raise ValueError(f"a number of {len(digits)} digits")
    return int(digits)


def _json_constant(name: str):
    raise ValueError(f"{name} is not valid JSON")


def _jsonl_rows(path: Path) -> Iterator[tuple[int, dict | str]]:
    """``(line number, row dict)`` per non-empty line; a line that cannot be used gives an
    error string instead, and the lines after it are still read."""
    try:
        with open(path, "rb") as raw:
            for number, line in enumerate(table_text(raw, newline=None), start=1):
                if _UNDECODED.search(line):
                    yield number, "not UTF-8 text; save the file as UTF-8"
                elif line.strip():
                    yield number, _json_object(line)
    except OSError as err:
        yield 0, f"cannot read the table: {err.strerror or err}"


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
    root = base.resolve()
    for number, row in _csv_rows(manifest):
        where = f"{manifest.name} row {number}"
        if isinstance(row, str):
            yield Reject(where if number else manifest.name, row)
            continue
        file = (row.get("file") or "").strip()
        if not file:
            yield Reject(where, "malformed row: no file named", row.get("id", ""))
            continue
        path = base / file
        article_id = (row.get("id") or "").strip() or Path(file).stem
        published = (row.get("published") or "").strip()
        if published and not parse_date(published):
            yield Reject(where, f"malformed row: published date '{published}' is not a date", article_id)
            continue
        if not path.exists() and not path.is_symlink():
            yield Reject(where, f"file not found: {file}", article_id)
            continue
        real, problem = _confined(path, root)
        if problem:
            yield Reject(where, f"{problem} ({file})", article_id)
            continue
        yield _read_file(real, {**row, "id": article_id}, where)  # the path that was checked


def _confined(path: Path, root: Path) -> tuple[Path, str]:
    """``path`` with its links resolved, and why it may not be read as an article of the
    corpus under ``root`` ("" when it may).

    A security property: whatever a manifest names (``../../etc/passwd``, an absolute path,
    a symbolic link, ``/proc/self/status``), only regular files inside the corpus folder tree,
    after symbolic links are resolved, are read.
    """
    try:
        real = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a dangling or looping link
        return path, "not a readable file"
    if not real.is_relative_to(root):
        return real, _OUTSIDE
    if not real.is_file():
        return real, "not a regular file"
    return real, ""
