"""From a file's bytes to text: size limit, binary refusal, encoding detection.

UTF-8 (with or without BOM), UTF-16 and UTF-32 are decoded; Windows-1251 and -1252 only
when the decoded characters leave no doubt. Anything else is refused with an
:class:`~analysis.corpus.model.ArticleError` that names the file and the problem, rather
than shown as mojibake.
"""

from __future__ import annotations

import re
from pathlib import Path

from .model import ArticleError

#: Largest article accepted, in bytes. A long feature is ~100 KB; bigger files are not articles.
MAX_ARTICLE_BYTES = 2_000_000

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or a .docx/.xlsx/.epub file)",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"{\\rtf": "an RTF document",
}


def decode_bytes(data: bytes, source: str) -> tuple[str, str]:
    """Decode an article's bytes; return ``(text, encoding)`` or raise :class:`ArticleError`.

    UTF-8 (with or without BOM) and UTF-16 (with BOM, or without when the zero bytes make it
    plain) are decoded. Other bytes are decoded as Windows-1251 (Cyrillic) or Windows-1252
    (Western) only when every non-ASCII character then falls in that code page's expected
    letters and punctuation; otherwise the file is refused rather than shown as mojibake.
    """
    if not data.strip():
        raise ArticleError(source, "empty file (no text)")
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise ArticleError(source, f"binary file: looks like {what}, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        decoded, encoding = _strict(data[3:], "utf-8", source), "utf-8-sig"
    elif data.startswith((b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")):
        decoded, encoding = _strict(data, "utf-32", source), "utf-32"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        decoded, encoding = _strict(data, "utf-16", source), "utf-16"
    elif _guess_utf16(data):
        encoding = _guess_utf16(data)
        decoded = _strict(data, encoding, source)
    else:
        decoded, encoding = _decode_plain(data, source)
    controls = sum(1 for c in decoded if ord(c) < 32 and c not in "\t\n\r\f\v")
    if controls > max(3, len(decoded) // 100):
        raise ArticleError(source, f"binary file: {controls} control characters, not text")
    return decoded, encoding


def _decode_plain(data: bytes, source: str) -> tuple[str, str]:
    if b"\x00" in data:
        raise ArticleError(source, "binary file: contains NUL bytes, not text")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return _decode_legacy(data, source)


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise ArticleError(source, f"not valid {encoding} text ({err.reason} at byte {err.start})") from None


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.4 and even < 0.05:
        return "utf-16-le"
    if even > 0.4 and odd < 0.05:
        return "utf-16-be"
    return None


_CP1252_OK = set("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡¢£¤¥¦§¨©ª«¬®¯°±²³´µ¶·¸¹º»¼½¾¿\u00a0") | {
    chr(c) for c in range(0xC0, 0x100) if c not in (0xD7, 0xF7)
}


def _decode_legacy(data: bytes, source: str) -> tuple[str, str]:
    """Windows-1251 or -1252 when the decoded characters are unambiguous, else refuse."""
    for encoding, ok in (("cp1251", _is_cyrillic_text), ("cp1252", _is_western_text)):
        try:
            decoded = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if ok(decoded):
            return decoded, encoding
    raise ArticleError(
        source,
        "not UTF-8, and the encoding could not be determined with confidence; "
        "re-save the file as UTF-8",
    )


def _is_cyrillic_text(decoded: str) -> bool:
    """Mostly Cyrillic letters, in words of their own (Latin text misread as cp1251 mixes them)."""
    non_ascii = [c for c in decoded if ord(c) > 127]
    cyr = sum(1 for c in non_ascii if "\u0400" <= c <= "\u04ff")
    mixed = len(re.findall(r"[A-Za-z][\u0400-\u04ff]|[\u0400-\u04ff][A-Za-z]", decoded))
    return bool(non_ascii) and cyr / len(non_ascii) > 0.9 and cyr >= 20 and mixed <= cyr * 0.02


def _is_western_text(decoded: str) -> bool:
    non_ascii = [c for c in decoded if ord(c) > 127]
    if not non_ascii or any(c not in _CP1252_OK for c in non_ascii):
        return False
    # Cyrillic bytes decoded as cp1252 give runs of accented capitals: refuse those.
    upper_accented = sum(1 for c in non_ascii if "\u00c0" <= c <= "\u00de")
    return upper_accented / len(non_ascii) < 0.3


def _too_big(n_bytes: int) -> str:
    return f"too large for one article: {n_bytes / 1e6:.1f} MB (limit {MAX_ARTICLE_BYTES / 1e6:.1f} MB)"


def read_article_file(path: Path, name: str | None = None) -> tuple[str, str]:
    """Decoded text and encoding of an article file; size checked before reading. Errors
    name the file ``name`` (default: its own name)."""
    name = name or path.name
    if not path.exists():
        raise ArticleError(name, f"file not found: {path}")
    if not path.is_file():
        raise ArticleError(name, f"not a file: {path}")
    size = path.stat().st_size
    if size > MAX_ARTICLE_BYTES:
        raise ArticleError(name, _too_big(size))
    return decode_bytes(path.read_bytes(), name)
