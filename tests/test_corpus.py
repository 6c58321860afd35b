"""Tests for :mod:`analysis.corpus`: the seed reports, the input formats, and bad input.

Every bad input is checked the same way: it is named in ``corpus.rejects`` with a reason
that says what is wrong, a good article in the same folder still loads, and
``load_article`` on it raises :class:`ArticleError` naming the file.
"""

from __future__ import annotations

import csv
import json
import random
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis import config
from analysis.corpus import (
    REJECT_COLUMNS,
    ArticleError,
    UnknownArticleError,
    decode_bytes,
    detect_language,
    is_dateline,
    load_article,
    load_corpus,
    looks_like_html,
    parse_date,
    split_layout,
)
from analysis.nlp import text as T

SHARED_SEEDS = config.ROOT.parent / "shared" / "seeds"
ID_000, ID_002 = "000_eb875e01c2519c6f", "002_96cf24b8358f7f15"
CURLY = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2018\u2019\u201a\u201b\u2039\u203a"

# 002's layout, as written in the file above and below its body.
HEADLINE_002 = "Zoom to Directly Sell to Russian Gov't Agencies After Controversy"
DATELINE_002 = "April 08, 2021"
CAPTION_002 = (
    "Zoom Video Communications leads Russia's video conference market with one-quarter of "
    "its user base, but generates only 1% of its revenue from it."
)
CREDIT_002 = "Zuma / TASS"
RELATED_002 = "Related article: Russia Warns Could Block Zoom If It Prohibits Government Use"
URL_002 = (
    "https://www.themoscowtimes.com/2021/04/08/"
    "zoom-announces-direct-sales-to-russian-govt-agencies-after-controversy-a73516"
)

GOOD_ARTICLE = (
    "Council Approves New Budget\n\n"
    "March 3, 2024\n\n"
    "The city council approved a new budget on Tuesday after a long debate.\n\n"
    "The mayor said the vote kept the libraries open for another year.\n"
)

# Plain English bodies rich in function words, so the language check has no doubt.
ENGLISH_BODY = (
    "The city council approved a new budget on Tuesday after a long debate in the hall.\n\n"
    "\u201cThis budget keeps our libraries open,\u201d the mayor said. It\u2019s the first "
    "time in ten years that the council has agreed on a budget before the end of the year."
)
ACCENTED_BODY = (  # cp1252-encodable, accented letters only (no curly quotes or dashes)
    "Jos\u00e9 N\u00fa\u00f1ez opened a caf\u00e9 in Z\u00fcrich with Zo\u00eb M\u00fcller "
    "and Ren\u00e9e Lef\u00e8vre. The caf\u00e9 sells cr\u00e8me br\u00fbl\u00e9e and "
    "p\u00e2t\u00e9 to the people of the old town, and the owners said that the "
    "caf\u00e9 is open on Sunday. N\u00fa\u00f1ez and M\u00fcller also run a "
    "cr\u00eaperie in the same street."
)
FRENCH_BODY = (
    "Le conseil municipal a approuv\u00e9 mardi un nouveau budget apr\u00e8s un long "
    "d\u00e9bat. Le maire a d\u00e9clar\u00e9 que ce vote \u00e9tait historique pour la ville "
    "et que les biblioth\u00e8ques resteront ouvertes."
)
GERMAN_BODY = (
    "Der Stadtrat hat am Dienstag nach einer langen Debatte einen neuen Haushalt "
    "beschlossen. Die B\u00fcrgermeisterin sagte, die Abstimmung sei f\u00fcr die Stadt "
    "historisch und die Bibliotheken w\u00fcrden ge\u00f6ffnet bleiben."
)
RUSSIAN_BODY = (
    "\u041f\u0440\u0435\u0441\u0441-\u0441\u0435\u043a\u0440\u0435\u0442\u0430\u0440\u044c "
    "\u043f\u0440\u0435\u0437\u0438\u0434\u0435\u043d\u0442\u0430 \u0414\u043c\u0438\u0442"
    "\u0440\u0438\u0439 \u041f\u0435\u0441\u043a\u043e\u0432 \u0432 \u0441\u0440\u0435\u0434"
    "\u0443 \u0432\u044b\u0440\u0430\u0437\u0438\u043b \u0441\u043e\u0436\u0430\u043b\u0435"
    "\u043d\u0438\u0435 \u0432 \u0441\u0432\u044f\u0437\u0438 \u0441 \u0437\u0430\u043f"
    "\u0440\u0435\u0442\u043e\u043c \u0434\u043b\u044f \u0441\u0435\u0440\u0432\u0438\u0441"
    "\u0430 Zoom. \u041f\u043e \u0435\u0433\u043e \u0441\u043b\u043e\u0432\u0430\u043c, "
    "\u0432 \u041a\u0440\u0435\u043c\u043b\u0435 \u044d\u0442\u043e\u0439 \u043f\u043b\u0430"
    "\u0442\u0444\u043e\u0440\u043c\u043e\u0439 \u043d\u0435 \u043f\u043e\u043b\u044c\u0437"
    "\u0443\u044e\u0442\u0441\u044f, \u0438 \u0443 \u043d\u0438\u0445 \u0435\u0441\u0442"
    "\u044c \u0441\u0432\u043e\u0438 \u0437\u0430\u043a\u0440\u044b\u0442\u044b\u0435 "
    "\u043a\u0430\u043d\u0430\u043b\u044b \u0441\u0432\u044f\u0437\u0438."
)

HTML_PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Council approves budget | Example News</title>
<meta property="og:title" content="Council Approves New Budget">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<meta property="og:url" content="https://example.org/news/budget">
<style>body { color: red; } .alert { background-color: blue; }</style>
<script>window.alert("alert from the head"); var tracking = "pixel";</script>
</head>
<body>
<nav><a href="/">Home</a> <a href="/world">World news</a></nav>
<div class="sidebar"><p>Subscribe to our newsletter for daily updates.</p></div>
<article>
  <h1>Council Approves New Budget</h1>
  <p>The city council approved a new budget on Tuesday after a long debate.</p>
  <script>trackEvent("alert"); document.body.style.color = "green";</script>
  <p>The mayor said the vote kept the libraries open for another year.</p>
  <style>p { color: black; }</style>
  <p>It is the first time in ten years that the council has agreed on a budget early.</p>
</article>
<footer><p>Copyright Example News</p></footer>
</body></html>
"""
HTML_PARAGRAPHS = [
    "The city council approved a new budget on Tuesday after a long debate.",
    "The mayor said the vote kept the libraries open for another year.",
    "It is the first time in ten years that the council has agreed on a budget early.",
]
HTML_NO_PARAGRAPHS = """<!DOCTYPE html><html><head><title>Empty page</title>
<script>var x = "some script text that is not an article";</script></head>
<body><h1>Only a heading</h1></body></html>
"""


def _random_bytes(seed: int, n: int, lo: int = 0, hi: int = 256) -> bytes:
    rnd = random.Random(seed)
    return bytes(rnd.randrange(lo, hi) for _ in range(n))


def _folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    """A folder holding ``good.txt`` plus the given files."""
    folder = tmp_path / "input"
    folder.mkdir()
    (folder / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    for name, data in files.items():
        path = folder / name
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
    return folder


def _utf8_text_of(tmp_path: Path, content: str) -> str:
    """Cleaned text of ``content`` loaded from a plain UTF-8 file (the reference)."""
    ref = tmp_path / "reference" / "ref.txt"
    ref.parent.mkdir(exist_ok=True)
    ref.write_text(content, encoding="utf-8")
    return load_article(ref).text


# --------------------------------------------------------------------------- the seeds


def _manifest_rows() -> list[dict]:
    with open(config.MANIFEST, newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def test_seed_ids_are_file_stems_in_manifest_order(seed_corpus):
    rows = _manifest_rows()
    assert seed_corpus.ids == [Path(r["file"]).stem for r in rows]
    assert set(seed_corpus.ids) == {p.stem for p in config.SEEDS_DIR.glob("*.txt")}
    assert len(seed_corpus.rejects) == 0


def test_seed_folder_load_without_manifest_uses_file_stems(tmp_path):
    for path in config.SEEDS_DIR.glob("*.txt"):
        (tmp_path / path.name).write_bytes(path.read_bytes())
    corpus = load_corpus(tmp_path)
    assert corpus.ids == sorted(p.stem for p in config.SEEDS_DIR.glob("*.txt"))


def test_manifest_metadata_appears_in_frame(seed_corpus):
    frame = seed_corpus.to_frame().set_index("id")
    for row in _manifest_rows():
        for field in ("outlet", "headline", "url", "translation", "language"):
            assert frame.loc[row["id"], field] == row[field], (row["id"], field)


def test_published_is_a_datetime_column(seed_corpus):
    frame = seed_corpus.to_frame().set_index("id")
    assert pd.api.types.is_datetime64_any_dtype(frame["published"])
    for row in _manifest_rows():
        if row["published"]:
            assert frame.loc[row["id"], "published"] == pd.Timestamp(row["published"])
        else:
            assert pd.isna(frame.loc[row["id"], "published"])


@pytest.mark.parametrize(
    "field, expected",
    [
        ("headline", HEADLINE_002),
        ("dateline", DATELINE_002),
        ("published", "2021-04-08"),
        ("caption", CAPTION_002),
        ("credit", CREDIT_002),
        ("related", (RELATED_002,)),
        ("url", URL_002),
    ],
)
def test_002_layout_fields_found_in_the_text_alone(field, expected):
    """load_article without the manifest: every field comes from the file itself."""
    article = load_article(config.SEEDS_DIR / f"{ID_002}.txt")
    assert getattr(article, field) == expected


def test_002_body_excludes_layout_and_keeps_the_report(seed_corpus):
    text = seed_corpus[ID_002].text
    for fragment in (HEADLINE_002, DATELINE_002, CAPTION_002, "Zuma", "TASS", "Related article:",
                     "Russia Warns Could Block Zoom", "Original url:", "themoscowtimes.com", "https://"):  # fmt: skip
        assert fragment not in text
    assert text.startswith("Zoom will sell directly to Russian government agencies")
    assert text.endswith("which it argued is more secure than Zoom.")


def test_000_is_all_body(seed_corpus):
    article = seed_corpus[ID_000]
    raw = (config.SEEDS_DIR / f"{ID_000}.txt").read_text(encoding="utf-8")
    assert (article.headline, article.dateline, article.caption, article.credit) == ("", "", "", "")
    assert len(article.paragraphs) == len([p for p in raw.split("\n\n") if p.strip()])
    assert article.text.startswith("Press Secretary of the Russian President Dmitry Peskov")


@pytest.mark.parametrize("article_id", [ID_000, ID_002])
def test_seed_markup_and_curly_quotes_removed(seed_corpus, article_id):
    text = seed_corpus[article_id].text
    for mark in ("<u>", "</u>", "**", "__"):
        assert mark not in text
    assert not set(text) & set(CURLY)


def test_seed_words_survive_cleaning(seed_corpus):
    for article_id, phrase in [
        (ID_002, "the Kommersant business daily quoted the company as saying"),
        (ID_002, "The Kremlin said that Putin uses"),
        (ID_000, '"On the whole, of course,'),
        (ID_000, "if I'm not mistaken"),
        (ID_000, 'a "profitable story" for them.'),
    ]:
        assert phrase in seed_corpus[article_id].text, phrase


@pytest.mark.parametrize("article_id", [ID_000, ID_002])
def test_seed_offsets_round_trip(seed_corpus, article_id):
    article = seed_corpus[article_id]
    for frame in (article.paragraphs, article.sentences, article.tokens):
        assert len(frame) > 0
        for row in frame.itertuples(index=False):
            assert article.text[row.start : row.end] == row.text


@pytest.mark.parametrize("name", [f"{ID_000}.txt", f"{ID_002}.txt"])
def test_seed_files_are_byte_identical_to_shared(name):
    if not SHARED_SEEDS.is_dir():
        pytest.skip("../shared/seeds is not present")
    assert (config.SEEDS_DIR / name).read_bytes() == (SHARED_SEEDS / name).read_bytes()


def test_select_keeps_order_and_unknown_id_is_named(seed_corpus):
    assert seed_corpus.select([ID_002, ID_000]).ids == [ID_002, ID_000]
    assert seed_corpus.select([]).ids == seed_corpus.ids
    with pytest.raises(UnknownArticleError) as err:
        seed_corpus.select([ID_000, "no_such_article"])
    assert "no_such_article" in str(err.value)
    assert err.value.missing == ["no_such_article"]
    with pytest.raises(KeyError):
        seed_corpus["no_such_article"]


def test_rejects_columns(seed_corpus):
    assert list(seed_corpus.rejects.columns) == ["source", "id", "reason"] == REJECT_COLUMNS


# --------------------------------------------------------------------------- bad input

BAD_FILES = [
    # (file name, bytes, pattern the reason must match)
    ("empty.txt", b"", r"empty"),
    ("blank.txt", b"  \n\t\n   \r\n  ", r"empty|no text"),
    ("photo.txt", b"\x89PNG\r\n\x1a\n" + _random_bytes(1, 2000), r"PNG"),
    ("noise.txt", _random_bytes(2, 4000) + b"\x00\x00", r"binary|NUL"),
    ("paper.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n", r"PDF"),
    ("legacy.txt", _random_bytes(3, 600, 0x80, 0x100), r"not UTF-8"),
    ("empty_page.html", HTML_NO_PARAGRAPHS.encode(), r"no article text|no paragraph"),
    ("french.txt", FRENCH_BODY.encode(), r"French"),
    ("german.txt", GERMAN_BODY.encode(), r"German"),
    ("russian.txt", RUSSIAN_BODY.encode("cp1251"), r"Russian"),
]


@pytest.mark.parametrize("name, data, reason", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_rejected_by_name_and_the_rest_loads(tmp_path, name, data, reason):
    corpus = load_corpus(_folder(tmp_path, {name: data}))
    assert corpus.ids == ["good"]
    rejects = corpus.rejects
    assert list(rejects.columns) == ["source", "id", "reason"]
    assert len(rejects) == 1
    row = rejects.iloc[0]
    assert name in row["source"]
    assert row["id"] == Path(name).stem
    assert re.search(reason, row["reason"], re.I), row["reason"]
    # the same file alone: load_article raises, naming it
    with pytest.raises(ArticleError) as err:
        load_article(tmp_path / "input" / name)
    assert name in str(err.value)
    assert err.value.source == name
    assert re.search(reason, err.value.reason, re.I)


def test_missing_file_raises_naming_it(tmp_path):
    with pytest.raises(ArticleError) as err:
        load_article(tmp_path / "nowhere.txt")
    assert "nowhere.txt" in str(err.value)


def test_huge_file_refused_for_size_before_reading(tmp_path, monkeypatch):
    folder = _folder(tmp_path, {})
    huge = folder / "huge.txt"
    with open(huge, "wb") as fh:  # sparse: 20 MB on paper, no time to write
        fh.seek(20 * 1024 * 1024 - 1)
        fh.write(b"a")
    assert huge.stat().st_size >= 20_000_000

    corpus = load_corpus(folder)
    assert corpus.ids == ["good"]
    row = corpus.rejects.iloc[0]
    assert "huge.txt" in row["source"]
    assert "MB" in row["reason"]

    def no_reading(self):
        raise AssertionError(f"{self} was read before its size was checked")

    monkeypatch.setattr(Path, "read_bytes", no_reading)
    with pytest.raises(ArticleError) as err:
        load_article(huge)
    assert "huge.txt" in str(err.value) and "MB" in err.value.reason


# --------------------------------------------------------------------------- decoding

DECODED_FILES = [
    # (file name, article text, bytes, expected encoding)
    ("bom.txt", ENGLISH_BODY, ENGLISH_BODY.encode("utf-8-sig"), "utf-8-sig"),
    ("le_bom.txt", ENGLISH_BODY, b"\xff\xfe" + ENGLISH_BODY.encode("utf-16-le"), "utf-16"),
    ("be_bom.txt", ENGLISH_BODY, b"\xfe\xff" + ENGLISH_BODY.encode("utf-16-be"), "utf-16"),
    ("le_nobom.txt", ENGLISH_BODY, ENGLISH_BODY.encode("utf-16-le"), "utf-16"),
    ("be_nobom.txt", ENGLISH_BODY, ENGLISH_BODY.encode("utf-16-be"), "utf-16"),
    ("windows.txt", ENGLISH_BODY, ENGLISH_BODY.encode("cp1252"), "cp1252"),
    ("accented.txt", ACCENTED_BODY, ACCENTED_BODY.encode("cp1252"), "cp1252"),
    ("crlf.txt", ENGLISH_BODY, ENGLISH_BODY.replace("\n", "\r\n").encode(), "utf-8"),
]


@pytest.mark.parametrize("name, content, data, encoding", DECODED_FILES, ids=[d[0] for d in DECODED_FILES])
def test_encoded_file_is_decoded(tmp_path, name, content, data, encoding):
    corpus = load_corpus(_folder(tmp_path, {name: data}))
    assert sorted(corpus.ids) == sorted(["good", Path(name).stem])
    assert len(corpus.rejects) == 0
    article = corpus[Path(name).stem]
    found = article.encoding.lower().replace("_", "-")
    assert found.startswith(encoding), f"decoded as {found}: {article.text[:40]!r}"
    assert "\ufeff" not in article.text
    assert article.text == _utf8_text_of(tmp_path, content)


def test_cp1252_curly_quotes_become_straight_quotes(tmp_path):
    path = tmp_path / "windows.txt"
    path.write_bytes(ENGLISH_BODY.encode("cp1252"))
    article = load_article(path)
    assert article.encoding == "cp1252"
    assert '"This budget keeps our libraries open," the mayor said.' in article.text
    assert "It's the first time" in article.text


def test_cp1251_russian_is_decoded_as_real_cyrillic(tmp_path):
    data = RUSSIAN_BODY.encode("cp1251")
    assert decode_bytes(data, "russian.txt") == (RUSSIAN_BODY, "cp1251")
    path = tmp_path / "russian.txt"
    path.write_bytes(data)
    article = load_article(path, allow_non_english=True)
    assert article.encoding == "cp1251"
    assert article.language == "ru"
    assert article.text == T.clean_text(RUSSIAN_BODY)
    letters = [c for c in article.text if c.isalpha() and ord(c) > 127]
    assert letters and all("\u0400" <= c <= "\u04ff" for c in letters)  # no mojibake


def test_utf32_is_decoded_or_refused_as_an_encoding_problem(tmp_path):
    """Never mojibake: UTF-32's BOM starts like UTF-16's; the result must not be garbage."""
    path = tmp_path / "wide.txt"
    path.write_bytes(ENGLISH_BODY.encode("utf-32"))
    try:
        article = load_article(path)
    except ArticleError as err:
        assert "wide.txt" in str(err)
        assert "language" not in err.reason, err.reason  # the problem is the encoding
    else:
        assert article.text == _utf8_text_of(tmp_path, ENGLISH_BODY)


# --------------------------------------------------------------------------- HTML pages


@pytest.fixture
def html_article(tmp_path):
    corpus = load_corpus(_folder(tmp_path, {"page.html": HTML_PAGE}))
    assert sorted(corpus.ids) == ["good", "page"]
    assert len(corpus.rejects) == 0
    return corpus["page"]


def test_html_article_text_is_the_paragraphs_inside_article(html_article):
    assert html_article.text == "\n\n".join(HTML_PARAGRAPHS)


def test_html_script_style_and_page_chrome_never_become_text(html_article):
    for fragment in ("alert", "color", "tracking", "trackEvent", "Home", "World news",
                     "Subscribe", "Copyright", "<", ">", "{"):  # fmt: skip
        assert fragment not in html_article.text, fragment


def test_html_metadata_is_picked_up(html_article):
    assert html_article.headline == "Council Approves New Budget"  # og:title
    assert html_article.published == "2024-03-05"  # article:published_time
    assert html_article.url == "https://example.org/news/budget"  # og:url


def test_html_byline_paragraph_does_not_replace_og_title(tmp_path):
    page = HTML_PAGE.replace("<h1>Council Approves New Budget</h1>", "<h1>Council Approves New Budget</h1>\n<p>By Jane Doe</p>")
    path = tmp_path / "byline.html"
    path.write_text(page, encoding="utf-8")
    assert load_article(path).headline == "Council Approves New Budget"


@pytest.mark.parametrize(
    "text, expected",
    [
        (HTML_PAGE, True),
        ("<html lang='en'><p>Hello there.</p></html>", True),
        ("<script>alert(1)</script>Some text.", True),
        ("<p>One.</p>\n<p>Two.</p>\n<p>Three.</p>", True),
        ("The Kremlin <u>said</u> that Putin uses the platform Poly.", False),
        ("Plain text about a budget, with x < y and y > z.", False),
        ("Use a <div> tag for layout, the guide said.", False),
    ],
)
def test_looks_like_html(text, expected):
    assert looks_like_html(text) is expected


def test_seed_article_with_underline_markup_is_not_a_page():
    raw = (config.SEEDS_DIR / f"{ID_002}.txt").read_text(encoding="utf-8")
    assert "<u>said</u>" in raw
    assert looks_like_html(raw) is False


# --------------------------------------------------------------------------- manifests

HEADER = ["id", "file", "outlet", "headline", "published", "url", "language", "translation", "notes"]


def _manifest_folder(tmp_path: Path, lines: list[list[str] | str]) -> Path:
    """A folder with a.txt and b.txt and a manifest; a str line is written raw."""
    folder = tmp_path / "manifested"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ENGLISH_BODY, encoding="utf-8")
    with open(folder / "manifest.csv", "w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(HEADER)
        for line in lines:
            if isinstance(line, str):
                fh.write(line + "\r\n")
            else:
                writer.writerow(line)
    return folder


def _row(id_, file, outlet="Daily", headline="", published="", url=""):
    return [id_, file, outlet, headline, published, url, "en", "original", ""]


def test_manifest_metadata_wins(tmp_path):
    folder = _manifest_folder(tmp_path, [_row("first", "a.txt", "The Daily", "Given Headline", "2024-03-04", "https://d.example/1")])
    article = load_corpus(folder)["first"]
    assert (article.outlet, article.headline, article.published, article.url) == (
        "The Daily", "Given Headline", "2024-03-04", "https://d.example/1"
    )
    assert article.dateline == "March 3, 2024"  # still separated from the body
    assert "March 3, 2024" not in article.text


def test_manifest_duplicate_id_rejects_the_second(tmp_path):
    folder = _manifest_folder(tmp_path, [_row("same", "a.txt"), _row("same", "b.txt")])
    corpus = load_corpus(folder)
    assert corpus.ids == ["same"]
    assert corpus["same"].source == "a.txt"
    row = corpus.rejects.iloc[0]
    assert len(corpus.rejects) == 1
    assert "b.txt" in row["source"]
    assert row["id"] == "same"
    assert "duplicate" in row["reason"].lower()


def test_manifest_row_with_missing_file(tmp_path):
    folder = _manifest_folder(tmp_path, [_row("a", "a.txt"), _row("gone", "missing.txt")])
    corpus = load_corpus(folder)
    assert corpus.ids == ["a"]
    row = corpus.rejects.iloc[0]
    assert "manifest.csv" in row["source"]
    assert "missing.txt" in row["source"] + row["reason"]
    assert "not found" in row["reason"]
    assert row["id"] == "gone"


def test_manifest_row_with_wrong_number_of_fields(tmp_path):
    folder = _manifest_folder(tmp_path, [_row("a", "a.txt"), "short,b.txt,Outlet"])
    corpus = load_corpus(folder)
    assert corpus.ids == ["a"]
    row = corpus.rejects.iloc[0]
    assert "manifest.csv" in row["source"] and "row 3" in row["source"]  # header is row 1
    assert "3 fields" in row["reason"] and str(len(HEADER)) in row["reason"]


@pytest.mark.parametrize("bad_date", ["2021-13-45", "not a date", "April 7"])
def test_manifest_row_with_invalid_published_date(tmp_path, bad_date):
    folder = _manifest_folder(tmp_path, [_row("a", "a.txt"), _row("b", "b.txt", published=bad_date)])
    corpus = load_corpus(folder)
    assert corpus.ids == ["a"]
    row = corpus.rejects.iloc[0]
    assert "row 3" in row["source"]
    assert bad_date in row["reason"] and "date" in row["reason"]


def test_manifest_row_pointing_at_a_bad_file_names_both(tmp_path):
    folder = _manifest_folder(tmp_path, [_row("a", "a.txt"), _row("e", "empty.txt")])
    (folder / "empty.txt").write_bytes(b"")
    corpus = load_corpus(folder)
    assert corpus.ids == ["a"]
    source = corpus.rejects.iloc[0]["source"]
    assert "manifest.csv" in source and "empty.txt" in source


# --------------------------------------------------------------------------- tables


def test_csv_table_with_text_column(tmp_path):
    path = tmp_path / "table.csv"
    rows = [
        ["id", "title", "outlet", "date", "url", "text"],
        ["c1", "Budget Passed", "City Paper", "April 8, 2021", "https://c.example/1", ENGLISH_BODY.replace("\n\n", " ")],
        ["c2", "Nothing Here", "City Paper", "2021-04-09", "", "   "],
        ["", "No Id Given", "Other Paper", "9 Apr 2021", "", GOOD_ARTICLE.splitlines()[4]],
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    corpus = load_corpus(path)

    assert len(corpus) == 2
    first, second = corpus.articles
    assert first.id == "c1"
    assert (first.headline, first.outlet, first.published, first.url) == (
        "Budget Passed", "City Paper", "2021-04-08", "https://c.example/1"
    )
    assert second.id and second.id != "c1" and "table" in second.id  # generated
    assert (second.headline, second.outlet, second.published) == ("No Id Given", "Other Paper", "2021-04-09")
    assert second.text == rows[3][5]

    rejects = corpus.rejects
    assert len(rejects) == 1
    assert "table.csv" in rejects.iloc[0]["source"] and "row 3" in rejects.iloc[0]["source"]
    assert "empty" in rejects.iloc[0]["reason"]
    assert rejects.iloc[0]["id"] == "c2"


def test_generated_csv_ids_are_unique(tmp_path):
    path = tmp_path / "feed.csv"
    sentences = [
        "The city council approved a new budget on Tuesday after a long debate.",
        "The mayor said that the vote kept all of the libraries open for another year.",
        "It is the first time in ten years that the council has agreed on a budget early.",
    ]
    with open(path, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([["text"], *[[s] for s in sentences]])
    corpus = load_corpus(path)
    assert len(corpus) == 3 and len(set(corpus.ids)) == 3
    assert [a.text for a in corpus] == sentences


def test_jsonl_with_a_malformed_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"id": "j1", "title": "Budget Passed", "outlet": "City Paper", "text": ENGLISH_BODY}),
        '{"id": "j2", "text": "an unterminated string',
        json.dumps({"id": "j3", "date": "2021-04-08", "text": GOOD_ARTICLE}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    corpus = load_corpus(path)
    assert corpus.ids == ["j1", "j3"]
    assert corpus["j1"].headline == "Budget Passed" and corpus["j1"].outlet == "City Paper"
    assert corpus["j3"].published == "2021-04-08"
    rejects = corpus.rejects
    assert len(rejects) == 1
    assert "feed.jsonl" in rejects.iloc[0]["source"] and "line 2" in rejects.iloc[0]["source"]
    assert "JSON" in rejects.iloc[0]["reason"]


# --------------------------------------------------------------------------- layout lines

LAYOUT_BODY = (
    "The city council approved a new budget on Tuesday after a long debate.\n\n"
    "The mayor said the vote kept the libraries open."
)


@pytest.mark.parametrize(
    "line, field, expected",
    [
        ("Read more: Council to vote again in May", "related", ("Read more: Council to vote again in May",)),
        ("See also : The budget in figures", "related", ("See also : The budget in figures",)),
        ("More on this: Libraries", "related", ("More on this: Libraries",)),
        ("Related stories: Budget talks stall", "related", ("Related stories: Budget talks stall",)),
        ("Photo by Jane Doe", "credit", "Jane Doe"),
        ("(Image credit: AP)", "credit", "AP"),
        ("Illustration: The Moscow Times", "credit", "The Moscow Times"),
        ("Published: Thursday, April 8, 2021 10:00 a.m. EST", "published", "2021-04-08"),
        ("Updated 8 Sept. 2021", "dateline", "Updated 8 Sept. 2021"),
        ("Monday, 3rd May 2021", "published", "2021-05-03"),
        ("Posted 2021-04-08T10:00Z", "published", "2021-04-08"),
    ],
)
def test_labelled_layout_line_leaves_the_body(line, field, expected):
    layout = split_layout(f"Council Approves New Budget\n\n{line}\n\n{LAYOUT_BODY}")
    assert layout[field] == expected
    assert layout["headline"] == "Council Approves New Budget"
    assert layout["body"] == LAYOUT_BODY


@pytest.mark.parametrize(
    "footer, url",
    [
        ("Source: https://example.org/a", "https://example.org/a"),
        ("Original link:\n\nhttps://example.org/b\n\nShare this", "https://example.org/b"),
        ("SOURCE URL: www.example.org/c", "www.example.org/c"),
        ("Original article:", ""),
    ],
)
def test_footer_gives_the_url_and_is_cut_with_what_follows(footer, url):
    layout = split_layout(f"{LAYOUT_BODY}\n\n{footer}")
    assert layout["url"] == url
    assert layout["body"] == LAYOUT_BODY


def test_importing_the_package_loads_no_pandas_nltk_or_word_list():
    code = (
        "import sys, analysis.corpus\n"
        "print([m for m in ('pandas', 'nltk', 'pyarrow', 'analysis.nlp.text', 'analysis.lexicons') if m in sys.modules])"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=config.ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"  # the word lists are read when the first date or layout is parsed


# --------------------------------------------------------------------------- dates and language


@pytest.mark.parametrize(
    "value, expected",
    [
        ("April 08, 2021", "2021-04-08"),
        ("8 Apr 2021", "2021-04-08"),
        ("Apr. 8, 2021", "2021-04-08"),
        ("Sept. 3, 2020", "2020-09-03"),
        ("3rd March 2024", "2024-03-03"),
        ("Wednesday, April 7, 2021", "2021-04-07"),
        ("2021-04-08T10:00:00Z", "2021-04-08"),
        ("Published: 2024-3-5", "2024-03-05"),
        ("", None),
        ("April 7", None),
        ("2021-02-30", None),
        ("April 31, 2021", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    "line, expected",
    [
        ("April 08, 2021", True),
        ("Wednesday, April 7, 2021", True),
        ("Published: 2024-03-05", True),
        ("Updated 8 April 2021 10:30 GMT", True),
        ("Posted April 8, 2021 at 3:45 p.m. EST", True),
        ("2021-04-08T10:00:00Z", True),
        ("The meeting was held on April 8, 2021.", False),
        ("April 7", False),
        (HEADLINE_002, False),
    ],
)
def test_is_dateline(line, expected):
    assert is_dateline(line) is expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("The council approved a new budget on Tuesday after a long debate.", "en"),
        ("The minister said that the talks would continue on Monday.", "en"),
        ("Zoom said it could not sell the service without a licence.", "en"),
        (FRENCH_BODY, "fr"),
        ("Le ministre a d\u00e9clar\u00e9 que les discussions avec la Russie se poursuivront "
         "lundi dans la capitale.", "fr"),
        (GERMAN_BODY, "de"),
        ("Der Minister sagte, dass die Gespr\u00e4che am Montag weitergehen.", "de"),
        (RUSSIAN_BODY, "ru"),
        ("", "und"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


def test_short_english_article_with_would_is_not_rejected(tmp_path):
    path = tmp_path / "short.txt"
    path.write_text("The minister said that the talks would continue on Monday.", encoding="utf-8")
    assert load_article(path).language == "en"


def test_corpus_index_by_position_and_by_id(seed_corpus):
    assert seed_corpus[0].id == seed_corpus.ids[0]
    assert seed_corpus[-1] is seed_corpus[seed_corpus.ids[-1]]
    with pytest.raises(KeyError, match="no_such_id"):
        seed_corpus["no_such_id"]


# --- articles as people paste them: headline on the first line, boilerplate around the body ---

PASTED_BODY = (
    "The harbour board voted on Tuesday to run a night ferry from May, its chair Ada Byrne told "
    "a meeting at the town hall.\n\n\"We listened to the workers,\" Byrne said."
)


def _pasted(text, **metadata):
    from analysis.corpus import make_article

    return make_article(text, id="pasted", source="pasted.txt", metadata=metadata or None)


@pytest.mark.parametrize(
    "headline",
    ["Harbour Board Backs Night Ferry.", "Harbour board backs night ferry.", "Harbour board backs night ferry"],
)
def test_a_first_line_that_reads_as_a_headline_becomes_the_headline_with_or_without_a_full_stop(headline):
    article = _pasted(f"{headline}\n\n{PASTED_BODY}")
    assert article.headline == headline
    assert article.text.startswith("The harbour board voted")


def test_a_headline_directly_followed_by_the_body_on_the_next_line_is_taken_apart():
    article = _pasted(f"Harbour board backs night ferry\n{PASTED_BODY}")
    assert article.headline == "Harbour board backs night ferry"
    assert article.text.startswith("The harbour board voted")


def test_a_hard_wrapped_first_paragraph_is_not_cut_into_a_headline():
    wrapped = (
        "The harbour board voted on Tuesday to run a night\nferry from May, its chair Ada Byrne told a"
        "\nmeeting at the town hall.\n\n\"We listened to the workers,\"\nByrne said."
    )
    article = _pasted(wrapped)
    assert article.headline == ""
    assert article.text.startswith("The harbour board voted on Tuesday to run a night ferry")


def test_a_long_first_sentence_with_a_full_stop_stays_the_lead():
    article = _pasted(PASTED_BODY)
    assert article.headline == ""
    assert article.text == PASTED_BODY


def test_a_repeated_headline_leaves_the_body_once_from_the_text_and_once_from_the_manifest():
    twice = _pasted(f"Harbour Board Backs Night Ferry\n\nHarbour Board Backs Night Ferry.\n\n{PASTED_BODY}")
    assert twice.headline == "Harbour Board Backs Night Ferry"
    assert twice.text == PASTED_BODY
    assert "repeated" in twice.notes
    given = _pasted(f"Harbour board backs night ferry.\n\n{PASTED_BODY}", headline="Harbour board backs night ferry")
    assert given.text == PASTED_BODY


def test_boilerplate_markers_bylines_and_copyright_lines_are_removed_and_noted():
    text = (
        "ABSTRACT\n\nHarbour Board Backs Night Ferry\n\nBy Jane Doe and Tom Roe, Staff Writers\n\nFULL TEXT.\n\n"
        f"{PASTED_BODY}\n\nAdvertisement\n\nRead more\n\nThe first boat sails on 3 May.\n\n"
        "Copyright 2026 The Harbour Gazette. All rights reserved."
    )
    article = _pasted(text)
    assert article.headline == "Harbour Board Backs Night Ferry"
    assert article.text == f"{PASTED_BODY}\n\nThe first boat sails on 3 May."
    for removed in ("'ABSTRACT'", "'FULL TEXT.'", "'Advertisement'", "'Read more'", "By Jane Doe", "Copyright 2026"):
        assert removed in article.notes, removed


def test_a_marker_in_capitals_opening_a_paragraph_leaves_the_rest():
    article = _pasted(f"Harbour board backs night ferry\n\nFULL TEXT: {PASTED_BODY}")
    assert article.text == PASTED_BODY
    assert "FULL TEXT" in article.notes


def test_body_sentences_that_look_like_boilerplate_are_kept():
    body = (
        f"{PASTED_BODY}\n\nBy Monday the vote was over and the board went home.\n\n"
        "Copyright law was not discussed, and the advertisement budget stayed the same."
    )
    article = _pasted(body)
    assert article.text == body
    assert article.notes == ""
