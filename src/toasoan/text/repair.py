"""One repair step for every imported string: mojibake, TCVN3 and VNI text, NFD and
invisible characters are fixed; letters already lost (`L?y l?i m� b?o m?t`) are
reported, never guessed.

Correct text must come back unchanged, so every repair is tried only where its own
signs are, and legacy encodings are converted only when the result reads as
Vietnamese and the input did not.
"""

import html
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import product

from .legacy_encodings import decode_tcvn3, decode_vni, tcvn3_chars, tcvn3_table, vni_chars
from .normalize import _format_chars, normalize


@dataclass(frozen=True)
class Repaired:
    """`fixes` names what was done: `mojibake`, `tcvn3`, `vni`, `nfc`, `invisible`
    (format characters removed), `eth` (Ð read as Đ), `control-chars`, `surrogates`."""

    text: str
    fixes: tuple[str, ...] = ()
    damage: tuple[str, ...] = ()


def repair(text: str) -> Repaired:
    """Repair plain text; lines and paragraph breaks are kept as they are."""
    if not text:
        return Repaired(text or "")
    fixes: list[str] = []
    if not text.isascii():
        lines = _LINE_RE.split(text)
        lines = _fix_units(lines, fixes)
        text = _normalize("".join(lines), fixes)
    elif _CONTROL_RE.search(text):
        text = _mojibake(text, fixes)
    return Repaired(text, _unique(fixes), _find_damage(text))


def repair_html(markup: str) -> Repaired:
    """Repair the text of an HTML fragment or page: text nodes and the values of
    `alt`, `title`, `aria-label`, `placeholder`. Tags, URLs, comments, scripts and
    styles are left byte for byte; lost letters are looked for in the text only."""
    if not markup:
        return Repaired(markup or "")
    pieces, text_list, value_list = _split_html(markup)
    text_at, value_at = set(text_list), set(value_list)
    fixes: list[str] = []
    editable = text_list + value_list
    if not markup.isascii() or any(_CONTROL_RE.search(pieces[i]) for i in editable):
        fixed = _fix_units([pieces[i] for i in editable], fixes, html_units=True)
        for i, value in zip(editable, fixed, strict=True):
            value = _normalize(value, fixes)
            if i in value_at and any(q in value and q not in pieces[i] for q in "\"'<>"):
                continue  # never let a repair end an attribute value
            pieces[i] = value
    visible = []
    for i, piece in enumerate(pieces):
        if i in text_at:
            visible.append(piece)
        elif piece.startswith("<") and not _INLINE_TAG_RE.match(piece):
            visible.append("\n")
    damage = _find_damage(html.unescape("".join(visible))) if text_at else ()
    return Repaired("".join(pieces), _unique(fixes), damage)


def _unique(items: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


# Units: lines of plain text, text nodes and attribute values of HTML. Mojibake is
# fixed unit by unit; whether TCVN3 or VNI is there is decided over all units at once.

_LINE_RE = re.compile(r"(?<=\n)")


def _fix_units(units: list[str], fixes: list[str], html_units: bool = False) -> list[str]:
    return _legacy([_mojibake(unit, fixes) for unit in units], fixes, html_units)


# Mojibake is looked for only where it can be: a UTF-8 lead byte read as Windows-1252
# or Latin-1 followed by a continuation byte read the same way (`Ã©`, `á»™`, `â€œ`),
# or control characters and lone surrogates.
def _continuation_chars() -> str:
    chars = set()
    for code in range(0x80, 0xC0):
        chars.add(chr(code))
        try:
            chars.add(bytes([code]).decode("cp1252"))
        except UnicodeDecodeError:
            pass
    return "".join(sorted(chars))


_CONTINUATION = re.escape(_continuation_chars())
_NOT_CP1252_RE = re.compile(
    "[^\x00-\xff" + re.escape(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")) + "]"
)
_CONTROLS = "\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\u206a-\u206f\ufff9-\ufffc"
_CONTROL_RE = re.compile(f"[{_CONTROLS}]")
_SUSPECT_RE = re.compile(
    f"[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    f"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}}|[{_CONTROLS}]|\u00c3 "
)
_C1_AS_CP1252 = bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")
# Vietnamese capitals that are UTF-8 lead bytes in Windows-1252, and what may follow a
# word: `QUÊ”` is QUÊ and a closing quote, `NGÃ\xa0BA` NGÃ BA, not Ê-quote mojibake.
_CAPITALS = frozenset("ÃÈÉÊÌÍÒÓÔÕÙÚÝ")  # no word ends in Â
_AFTER_WORD = frozenset("\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u2026\u00ab\u00bb\u00b7\u00a0")
# What ftfy leaves, being cautious for every language, and Vietnamese can't have:
# a lone `Ä‘` (đ) or `á»™` (ộ) among fixed or plain text.
_VI_MOJIBAKE_RE = re.compile(
    f"(?:[\u00c3-\u00c6][{_CONTINUATION}]|\u00e1[\u00ba\u00bb][{_CONTINUATION}])+"
)
# `à` is C3 A0 in UTF-8: read as Windows-1252 and the no-break space made a space,
# `Hà Nội` is `HÃ  Ná»™i` and `chào` is `chÃ o`.
_A_GRAVE_RE = re.compile(r"([^\W\d_]*)\u00c3( {1,2})([^\W\d_]*)")


@cache
def _ftfy():
    """ftfy and its settings, imported on first need: most text never needs it, and
    it adds a twentieth of a second to the start of every process that imports us."""
    import ftfy
    import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252
    from ftfy.badness import is_bad

    return (
        ftfy.fix_and_explain,
        is_bad,
        ftfy.TextFixerConfig(
            unescape_html=False,
            restore_byte_a0=False,  # done here, knowing Vietnamese syllables
            fix_latin_ligatures=False,
            fix_character_width=False,
            uncurl_quotes=False,
            fix_line_breaks=False,
            normalization="NFC",
            explain=True,
        ),
    )


_FTFY_FIXES = {
    "encode": "mojibake",
    "decode": "mojibake",
    "transcode": "mojibake",
    "fix_c1_controls": "mojibake",
    "fix_surrogates": "surrogates",
    "remove_terminal_escapes": "control-chars",
    "remove_control_chars": "control-chars",
    "NFC": "nfc",
}


def _mojibake(text: str, fixes: list[str]) -> str:
    suspects = list(_SUSPECT_RE.finditer(text))
    if not suspects:
        return text
    evidence = any(_is_evidence(found, text) for found in suspects)
    if "Ã " in text:
        fixed = _A_GRAVE_RE.sub(lambda found: _a_grave(found, evidence), text)
        if fixed != text:
            text, evidence = fixed, True
            fixes.append("mojibake")
    if not evidence:
        return text
    # Capitals that are Vietnamese letters where they stand (`NGÃ BA`, `QUÊ”`) are
    # hidden from ftfy, which would read them with the mojibake around them.
    kept = {}
    if not _PRIVATE_RE.search(text):

        def keep(found: re.Match) -> str:
            if found[0] != "Ã " and not _capital_then_punctuation(found, text):
                return found[0]
            if found[0] == "Ã " and not _all_capitals_around(text, found.start()):
                return found[0]
            kept[placeholder := chr(_KEEP_BASE + len(kept))] = found[0][0]
            return placeholder + found[0][1:]

        text = _SUSPECT_RE.sub(keep, text)
    fix_and_explain, is_bad, config = _ftfy()
    # The common case first, a line that is all mojibake: as ftfy would, in less time.
    fixed = _utf8_or_none(text) if is_bad(text) else None
    if fixed is not None and fixed != text:
        fixes.append("mojibake")
    if fixed is None or _CONTROL_RE.search(fixed):
        fixed, steps = fix_and_explain(fixed or text, config)
        for action, parameter in steps or ():
            fixes.append(_FTFY_FIXES.get(action) or _FTFY_FIXES.get(parameter, "mojibake"))
    for _ in range(3):  # double encoded
        text, fixed = fixed, _VI_MOJIBAKE_RE.sub(_utf8, fixed)
        if fixed == text:
            break
        fixes.append("mojibake")
    if kept:
        fixed = fixed.translate({ord(placeholder): ch for placeholder, ch in kept.items()})
    return unicodedata.normalize("NFC", fixed)


_WORD_END_RE = re.compile(r"[^\W\d_]*\Z")
_KEEP_BASE = 0xF0000  # supplementary private use: never in mojibake, hardly in text
_PRIVATE_RE = re.compile("[\U000f0000-\U000ffffd]")


def _all_capitals_around(text: str, at: int) -> bool:
    before = _WORD_END_RE.search(text, max(0, at - 30), at)[0]
    after = re.match(r" +([^\W\d_]*)", text[at + 1 : at + 24])
    return len(before) > 1 and before.isupper() and bool(after) and after[1].isupper()


def _is_evidence(found: re.Match, text: str) -> bool:
    bad = found[0]
    if bad == "Ã " or (bad[0] == "Â" and bad[1] in _C1_AS_CP1252):
        return False  # `chữ “Â”`: mojibake would need a C1 control in the original
    return not _capital_then_punctuation(found, text)


def _capital_then_punctuation(found: re.Match, text: str) -> bool:
    bad = found[0]
    if len(bad) != 2 or bad[0] not in _CAPITALS or bad[1] not in _AFTER_WORD:
        return False
    after = text[found.end() : found.end() + 1]
    if bad[1] == "\xa0":  # `NGÃ\xa0BA`, but `chÃ\xa0o` is chào and `HÃ\xa0 Nam` Hà Nam
        before = _WORD_END_RE.search(text, max(0, found.start() - 30), found.start())[0]
        if not _could_be_mojibake(before) or (len(before) > 1 and before.isupper()):
            return not after.islower()  # `ĐÃ\xa0`: Đ is no mojibake
        return len(before) == 1 and before.isupper() and after.isupper()
    return not after.isalpha()  # `KHÃ”NG` is KHÔNG


def _could_be_mojibake(text: str) -> bool:
    return _NOT_CP1252_RE.search(text) is None


def _a_grave(found: re.Match, evidence: bool) -> str:
    before, gap, after = found.groups()
    # Without other mojibake, only where a capital Ã can't be: after a lowercase
    # letter, or after one capital before a word in lowercase (`HÃ Nam`, `NGÃ BA`).
    title_case = len(before) == 1 and before.isupper() and any(ch.islower() for ch in after)
    if not (evidence or (before and before[-1].islower()) or title_case):
        return found[0]
    if len(before) > 1 and before.isupper() and after.isupper():
        return found[0]  # capitals all around: NGÃ BA
    if gap == "  ":  # the first was the no-break space
        return f"{before}à {after}"
    joined = f"{before}à{after}"
    return joined if after and _is_syllable(joined) else f"{before}à {after}"


def _utf8(found: re.Match) -> str:
    return _utf8_or_none(found[0]) or found[0]


def _utf8_or_none(text: str) -> str | None:
    try:
        return text.encode("sloppy-windows-1252").decode("utf-8")
    except UnicodeError:
        return None


# TCVN3 and VNI

# Letters only Unicode Vietnamese has (what Windows-1252 can't spell), precomposed or
# as combining marks: a unit that has one is Unicode already.
_UNICODE_VI_RE = re.compile(
    "[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0"
    "\u1ea0-\u1ef9\u0300\u0301\u0303\u0309\u0323]"
)
_LATIN1_LETTERS = "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u00ff"


@cache
def _legacy_setup():
    tcvn3 = tcvn3_chars()
    vni = vni_chars()
    tcvn3_word = re.compile(f"[A-Za-z{re.escape(''.join(sorted(tcvn3)))}]+")
    latin1_word = re.compile(f"[{_LATIN1_LETTERS}]+")
    any_mark = re.compile(f"[{re.escape(''.join(sorted(tcvn3 | vni)))}]")
    return (
        ("tcvn3", decode_tcvn3, tcvn3_word),
        ("vni", decode_vni, latin1_word),
    ), any_mark


def _legacy(units: list[str], fixes: list[str], html_units: bool) -> list[str]:
    encodings, any_mark = _legacy_setup()
    candidates = [
        i
        for i, unit in enumerate(units)
        if not unit.isascii()
        and any_mark.search(unit)
        and not _UNICODE_VI_RE.search(html.unescape(unit) if html_units else unit)
    ]
    if not candidates:
        return units
    verdicts = []
    for name, decode, word_re in encodings:
        score = _legacy_score([units[i] for i in candidates], decode, word_re)
        if score is not None:
            verdicts.append((score, name, decode, word_re))
    if len(verdicts) != 1:  # neither, or both: not clear enough to touch
        return units
    _, name, decode, word_re = verdicts[0]
    units = list(units)
    for i in candidates:
        units[i] = _decode_unit(units[i], decode, word_re, name == "tcvn3")
    fixes.append(name)
    return units


def _legacy_score(units, decode, word_re) -> float | None:
    """How well decoding `units` reads as Vietnamese, or None if it should not be done.

    Counted over words: the decoded text must be mostly Vietnamese syllables, the
    words decoding changed must nearly all be, and only a few of them may have been
    Vietnamese already: `Hoà` is VNI for Hồ, but much more likely just Hoà. (In real
    TCVN3 text about one changed word in six was a syllable before, `cã` for có; in
    VNI one in twenty.)
    """
    words = touched = valid = touched_valid = valid_before = 0
    for unit in units:
        for found in word_re.finditer(unit):
            word = found[0]
            if word.isascii() and (len(word) < 2 or word.isupper()):
                continue  # initials and abbreviations: UBND, TP
            decoded = decode(word)
            words += 1
            ok = _is_syllable(decoded)
            valid += ok
            if decoded != word:
                touched += 1
                touched_valid += ok
                valid_before += _is_syllable(word)
    if touched < 2:
        return None
    if valid / words < 0.75 or touched_valid / touched < 0.85 or valid_before / touched > 0.35:
        return None
    return touched_valid / touched


def _decode_unit(unit, decode, word_re, tcvn3):
    decoded = decode(unit)
    if not tcvn3:
        return decoded
    # TCVN3 headings set in .VnTimeH come back lowercase where the typist used the
    # lowercase toned bytes: `NéI` is NỘI. A word with two capitals and no lowercase
    # ASCII letter is a capital word; so is every word of a line of such words.
    # (TCVN3 decodes character for character: positions in `unit` are in `decoded`.)
    kinds = []
    for found in word_re.finditer(unit):
        start, end = found.span()
        if _ASCII_LOWER_RE.search(found[0]):
            kinds.append((start, end, "lower"))
        elif sum(ch.isupper() for ch in decoded[start:end]) >= 2:
            kinds.append((start, end, "caps"))
        else:
            kinds.append((start, end, "either"))
    heading = any(k == "caps" for *_, k in kinds) and all(k != "lower" for *_, k in kinds)
    chars = list(decoded)
    for start, end, kind in kinds:
        if unit[start:end].isascii():
            continue
        if kind == "caps" or (heading and kind == "either"):
            chars[start:end] = decoded[start:end].upper()
        elif decoded[start] in _tcvn3_toned_lowercase() and _SENTENCE_END_RE.search(
            unit, max(0, start - 12), start
        ):
            chars[start] = decoded[start].upper()
    return "".join(chars)


_ASCII_LOWER_RE = re.compile("[a-z]")
_SENTENCE_END_RE = re.compile(r"(?:\A|[.!?…]\s)[\s\"'“‘(\[«*•–—-]*\Z")


@cache
def _tcvn3_toned_lowercase() -> frozenset[str]:
    """The toned lowercase letters: the ABC layout has no capitals of them, so a
    sentence starting `øng` or `ë` was typed Ứng, Ở."""
    return frozenset(
        letter
        for letter in tcvn3_table()
        if letter.islower() and _TONE_MARKS & set(unicodedata.normalize("NFD", letter))
    )


# Vietnamese syllables: an onset, then one of the rhymes below (tone marks aside).

_RHYMES = """
a ac ach ai am an ang anh ao ap at au ay ă ăc ăm ăn ăng ăp ăt â âc âm ân âng âp ât âu ây
e ec em en eng eo ep et ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt
oc oe oem oen oeo oet oi om on ong oong ooc op ot ô ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt
u ua uân uâng uât uây uc uê uêch uênh ui um un ung up ut uơ uôc uôi uôm uôn uông uôt
uy uya uych uyên uyêt uyn uynh uyt uyu
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y yêm yên yêng yêt yêu
""".split()
_ONSETS = "ngh ng nh ch gh gi kh ph qu th tr b c d đ g h k l m n p r s t v x".split()
_TONE_MARKS = frozenset("\u0300\u0301\u0303\u0309\u0323")
_SYLLABLE_RE = re.compile(
    f"(?:{'|'.join(_ONSETS)})?(?:{'|'.join(sorted(_RHYMES, key=len, reverse=True))})"
)


def _fold(word: str) -> str:
    """Lowercase ASCII skeleton: marks dropped, đ -> d."""
    decomposed = unicodedata.normalize("NFD", word.lower().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_FOLDED_SYLLABLE_RE = re.compile(
    f"(?:{'|'.join(sorted({_fold(o) for o in _ONSETS}, key=len, reverse=True))})?"
    f"(?:{'|'.join(sorted({_fold(r) for r in _RHYMES}, key=len, reverse=True))})"
)


@lru_cache(maxsize=65536)  # a language of ~7,000 syllables
def _is_syllable(word: str) -> bool:
    """Whether `word` is spelled like a Vietnamese syllable: one tone mark at most,
    on a vowel (`ñ` is no ñ-with-a-tone)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [i for i, ch in enumerate(decomposed) if ch in _TONE_MARKS]
    if len(tones) > 1 or (tones and decomposed[tones[0] - 1 : tones[0]] not in _VOWEL_OR_SHAPE):
        return False
    shaped = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_MARKS))
    return _SYLLABLE_RE.fullmatch(shaped) is not None


_VOWEL_OR_SHAPE = frozenset("aeiouy\u0302\u0306\u031b")  # a tone sits on a vowel


# Normalisation: the project's `normalize`, minus what it would break. It removes
# every format character, and emoji sequences are made with two of them.

_EMOJI = (  # the emoji blocks only: no format character may hide in a "sequence"
    "\u00a9\u00ae\u203c\u2049\u2122\u2139\u2194-\u21aa\u231a-\u23ff\u24c2\u25aa-\u27bf"
    "\u2934\u2935\u2b05-\u2b55\u3030\u303d\u3297\u3299\U0001f000-\U0001faff\ufe0f"
)
_EMOJI_SEQUENCE_RE = re.compile(
    f"[{_EMOJI}][\U0001f3fb-\U0001f3ff]?(?:\u200d[{_EMOJI}][\U0001f3fb-\U0001f3ff]?)+"
    "|\U0001f3f4[\U000e0020-\U000e007f]+"
)


def _normalize(text: str, fixes: list[str]) -> str:
    if text.isascii():
        return text
    formats = _format_chars()
    has_formats = formats.search(text) is not None
    if not has_formats and "Ð" not in text and "ð" not in text:
        if unicodedata.is_normalized("NFC", text):
            return text
    parts = _EMOJI_SEQUENCE_RE.split(text) if has_formats else [text]
    kept = _EMOJI_SEQUENCE_RE.findall(text) if has_formats else []
    fixed_parts = [normalize(part) for part in parts]
    fixed = "".join(part + (kept[i] if i < len(kept) else "") for i, part in enumerate(fixed_parts))
    if fixed == text:
        return text
    if any(formats.search(part) for part in parts):
        fixes.append("invisible")
    if any("Ð" in part or "ð" in part for part in parts) and "Ð" not in fixed and "ð" not in fixed:
        fixes.append("eth")
    if not all(unicodedata.is_normalized("NFC", formats.sub("", part)) for part in parts):
        fixes.append("nfc")
    return fixed


# Lost letters: `?` where a letter was (`L?y`, `m?t`), and U+FFFD anywhere.

_QUESTION_TOKEN_RE = re.compile(r"\S*[?\ufffd]\S*")
_CORE_RE = re.compile(r"(?:[^\W\d_]|\?)+")
_URLISH_RE = re.compile(r"[/=&%@#:\\]|www\.|\.\w+\?")
_FILLS = ("", "a", "e", "i", "o", "u", "y", "d")


def _find_damage(text: str) -> tuple[str, ...]:
    """Passages of `text` (a few words around each) where letters were lost."""
    if "?" not in text and "\ufffd" not in text:
        return ()
    spots = []
    for token in _QUESTION_TOKEN_RE.finditer(text):
        if _token_is_damaged(token[0], text, token.end()):
            spots.append((token.start(), token.end()))
    return _passages(text, spots)


def _token_is_damaged(token: str, text: str, end: int) -> bool:
    if "\ufffd" in token:
        return True
    if _URLISH_RE.search(token):
        return False
    for found in _CORE_RE.finditer(token):
        core = found[0]
        if "?" not in core or core.strip("?") == "":
            continue
        body = core.rstrip("?")
        if "?" in body:  # at the start or between letters
            if _could_be_syllable(body):
                return True
            continue
        # Only after the word: a question unless the word is no word without a letter.
        after = text[end : end + 2]
        if after[:1].isspace() and after[1:2].isupper():
            continue
        if core.count("?") == 1 and any(ch.islower() for ch in body):
            if not _is_syllable(body) and _could_be_syllable(core):
                return True
    return False


def _could_be_syllable(word: str) -> bool:
    """Whether letters put back for the `?`s could spell a Vietnamese syllable."""
    folded = _fold(word)
    holes = folded.count("?")
    if holes > 3:
        return any(ch.isalpha() for ch in folded)
    pieces = folded.split("?")
    for fills in product(_FILLS, repeat=holes):
        candidate = pieces[0] + "".join(f + p for f, p in zip(fills, pieces[1:], strict=True))
        if candidate and _FOLDED_SYLLABLE_RE.fullmatch(candidate):
            return True
    return False


_CONTEXT_WORDS = 3
_MAX_PASSAGE = 120
_WORD_SPAN_RE = re.compile(r"\S+")


def _passages(text: str, spots: list[tuple[int, int]]) -> tuple[str, ...]:
    if not spots:
        return ()
    words = [(m.start(), m.end()) for m in _WORD_SPAN_RE.finditer(text)]
    starts = [s for s, _ in words]
    spans = []
    for start, end in spots:
        first = _index_at(starts, start)
        last = _index_at(starts, end - 1)
        lo = words[max(0, first - _CONTEXT_WORDS)][0]
        hi = words[min(len(words) - 1, last + _CONTEXT_WORDS)][1]
        if spans and lo <= spans[-1][1] and hi - spans[-1][0] <= _MAX_PASSAGE:
            spans[-1] = (spans[-1][0], max(hi, spans[-1][1]))
        else:
            spans.append((lo, hi))
    return tuple(" ".join(text[lo:hi].split()) for lo, hi in spans)


def _index_at(starts: list[int], position: int) -> int:
    return max(0, bisect_right(starts, position) - 1)


# HTML: split into pieces, the text nodes and attribute values at known indexes.

_HTML_RE = re.compile(
    r"""<!--.*?(?:-->|\Z)
      | <!\[CDATA\[.*?(?:\]\]>|\Z)
      | <(script|style)\b(?:[^"'>]|"[^"]*"|'[^']*')*>.*?(?:</\1\s*>|\Z)
      | <[!?/]?[A-Za-z](?:[^"'>]|"[^"]*"|'[^']*')*>""",
    re.S | re.X | re.I,
)
_ATTR_RE = re.compile(r"""\s*([^\s"'>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?|\s*/""")
_TEXT_ATTRS = frozenset({"alt", "title", "aria-label", "placeholder"})
_INLINE_TAG_RE = re.compile(
    r"</?(?:a|abbr|b|bdi|bdo|cite|code|data|del|dfn|em|font|i|ins|kbd|mark|q|s|samp|small"
    r"|span|strong|sub|sup|time|u|var|wbr)\b",
    re.I,
)


def _split_html(markup: str):
    """Pieces that join back to `markup`; indexes of text nodes; indexes of values."""
    pieces, text_at, value_at = [], [], []
    last = 0
    for found in _HTML_RE.finditer(markup):
        if found.start() > last:
            text_at.append(len(pieces))
            pieces.append(markup[last : found.start()])
        tag = found[0]
        if found[1] or tag.startswith(("<!", "<?", "</")):
            pieces.append(tag)
        else:
            at = 0
            for start, end in _text_attributes(tag):
                pieces.append(tag[at:start])
                value_at.append(len(pieces))
                pieces.append(tag[start:end])
                at = end
            pieces.append(tag[at:])
        last = found.end()
    if last < len(markup):
        text_at.append(len(pieces))
        pieces.append(markup[last:])
    return pieces, text_at, value_at


def _text_attributes(tag: str):
    """(start, end) of the values of `_TEXT_ATTRS` in `tag`, quotes excluded."""
    position = re.match(r"<[^\s/>]*", tag).end()
    while True:
        found = _ATTR_RE.match(tag, position)
        if not found or found.end() == position:
            return
        position = found.end()
        if found[1] and found[2] and found[1].lower() in _TEXT_ATTRS:
            quoted = found[2][0] in "\"'"
            yield found.start(2) + quoted, found.end(2) - quoted
