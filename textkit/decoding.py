"""Turn the bytes of a text file into str: BOMs, UTF-8, GB18030 (GBK/GB2312 are subsets), charset-normalizer.

Chinese office files are often GBK; a decode that "succeeds" but yields mojibake (UTF-8 read as Latin-1,
Big5 read as GBK, random bytes) is rejected rather than ingested.
"""

from __future__ import annotations

import codecs
import unicodedata

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of files that are certainly not plain text, with a hint for the user.
_MAGIC = (
    (b"PK\x03\x04", "压缩包或 Office 文件（Word 文件请使用 .docx 扩展名）"),
    (b"\xd0\xcf\x11\xe0", "旧版 Office 文件（.doc），请在 Word 中另存为 .docx"),
    (b"%PDF", "PDF 文件，请导出为 .docx 或 .txt"),
    (b"\x89PNG", "PNG 图片"),
    (b"\xff\xd8\xff", "JPEG 图片"),
    (b"GIF8", "GIF 图片"),
    (b"{\\rtf", "RTF 文件，请在 Word 中另存为 .docx"),
    (b"\x7fELF", "可执行文件"),
    (b"Rar!", "RAR 压缩包"),
    (b"7z\xbc\xaf", "7z 压缩包"),
)
_MAX_ODD_SHARE = 0.02  # at most 2% control/private-use/replacement/Latin-1 characters
_MIN_COMMON_HANZI = 0.8  # a GB18030 decode must be mostly common (GB2312) hanzi
_FEW_HANZI = 10  # below this, hanzi statistics say nothing
_ALLOWED_CONTROLS = set("\n\r\t\f\v")


class DecodeError(ValueError):
    """Bytes that are not usable text; the message is a Chinese reason for the user."""


_MIN_PLAIN_UTF16 = 0.95  # share of plain characters a BOM-less UTF-16 text must have


def binary_kind(data: bytes) -> str | None:
    """A description when the bytes are a known binary format, else None."""
    for magic, what in _MAGIC:
        if data.startswith(magic):
            return what
    return None


def _odd_share(text: str, latin1_is_odd: bool = True) -> float:
    odd = 0
    for ch in text:
        if ch in _ALLOWED_CONTROLS:
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Co", "Cs", "Cn") or ch == "\ufffd":
            odd += 1
        elif latin1_is_odd and "\u0080" <= ch <= "\u00ff":
            odd += 1
    return odd / max(len(text), 1)


def _common_hanzi_share(text: str) -> float:
    hanzi = [ch for ch in text if "\u4e00" <= ch <= "\u9fff"]
    if len(hanzi) < _FEW_HANZI:
        return 1.0
    common = 0
    for ch in hanzi:
        try:
            ch.encode("gb2312")
            common += 1
        except UnicodeEncodeError:
            pass
    return common / len(hanzi)


def looks_like_text(text: str) -> bool:
    """False for mojibake: many control/Latin-1 characters, or hanzi that are mostly rare ones."""
    return _odd_share(text) <= _MAX_ODD_SHARE


def _strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _plain_share(text: str) -> float:
    """Share of characters an office text is made of: printable ASCII, whitespace, common hanzi, CJK punctuation."""
    plain = 0
    for ch in text:
        if (" " <= ch <= "~") or ch in "\t\r\n" or "\u3000" <= ch <= "\u303f" or "\uff00" <= ch <= "\uffef":
            plain += 1
        elif "\u4e00" <= ch <= "\u9fff":
            try:
                ch.encode("gb2312")
                plain += 1
            except UnicodeEncodeError:
                pass
    return plain / max(len(text), 1)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 without BOM (reached only when the bytes hold NULs): a clean decode made almost only of the
    characters office texts use; a few stray bytes that happen to decode to rare hanzi are binary, not text."""
    if len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        text = _strict(data, encoding)
        if text and "\x00" not in text and looks_like_text(text) and _plain_share(text) >= _MIN_PLAIN_UTF16:
            return text
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding name). Raises DecodeError with a Chinese reason."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            text = _strict(data, encoding)
            if text is None:
                raise DecodeError(f"文件以 {encoding.upper()} 标记开头，但内容无法按该编码解码")
            return text.lstrip("\ufeff"), encoding
    what = binary_kind(data)
    if what:
        raise DecodeError(f"二进制文件（{what}），不是文本")
    if b"\x00" in data:
        text = _utf16_without_bom(data)
        if text is not None:
            return text, "utf-16"
        raise DecodeError("二进制文件（含 NUL 字节），不是文本")
    text = _strict(data, "utf-8")
    if text is not None:
        if _odd_share(text, latin1_is_odd=False) > _MAX_ODD_SHARE:
            raise DecodeError("文件含大量控制字符，不像是文本")
        return text, "utf-8"
    text = _strict(data, "gb18030")
    if text is not None and looks_like_text(text) and _common_hanzi_share(text) >= _MIN_COMMON_HANZI:
        return text, "gb18030"  # before charset-normalizer: it misreads short GBK texts as CP949/Big5
    guessed = _charset_normalizer_guess(data)
    if guessed:
        return guessed
    raise DecodeError("无法识别文本编码（不是 UTF-8、UTF-16 或 GBK/GB18030 文本），或内容是乱码")


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    text = str(best)
    if not looks_like_text(text) or _common_hanzi_share(text) < 0.5:
        return None
    return text, best.encoding


def decode_utf8(data: bytes) -> str:
    """Strict UTF-8 (a BOM allowed) for what must be UTF-8: request bodies, the project's data files, a draft
    given on the command line. Raises DecodeError naming the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"不是 UTF-8 文本（第 {exc.start + 1} 个字节无法解码）") from None


def decode_lenient(data: bytes) -> str:
    """decode_text's reading, else UTF-8 with U+FFFD for the bad bytes: for saved pages that must be read anyway."""
    try:
        return decode_text(data)[0]
    except DecodeError:
        return data.decode("utf-8", errors="replace")


def decode_token_piece(data: bytes) -> str:
    """A model token's bytes as text: a piece may hold part of a UTF-8 character, which is left out."""
    return data.decode("utf-8", "ignore")


def encodable(text: str, drop: bool = False) -> str:
    """`text` that UTF-8 can encode: lone surrogates (from a JSON "\\ud800" or a broken paste) become "?", or are
    dropped with `drop=True`."""
    return text.encode("utf-8", "ignore" if drop else "replace").decode("utf-8")
