"""TCVN3 (ABC) and VNI-Windows, the 8-bit Vietnamese font encodings of the 1990s
and 2000s, as they reach us: their bytes read as Windows-1252 (or Latin-1).

TCVN3 gives each lowercase toned letter a byte of its own (`Hµ Néi` is Hà Nội), but
only the seven capitals Ă Â Ê Ô Ơ Ư Đ. Headings were set in the `.VnTimeH` fonts,
which draw the lowercase bytes as capitals, so `Hµ NéI` is HÀ NỘI; the 0x80-0xFF
capitals of the full TCVN 5712 table are read too, except the eight that share a
byte with Windows' own quotes and dashes (Ặ Ị Ò Ỏ Õ Ó Ọ Ộ at ‘ ’ “ ” • – — …), which
TCVN3 documents typed in Word are full of.

VNI writes a base letter followed by a mark byte (`Haø Noäi`), with single bytes for
đ ơ ư and the toned i's, and upper-case marks after upper-case letters.

`decode_*` turn the surface text back into Unicode (NFC); `encode_*` do the reverse,
for tests and for anyone who must produce such text.
"""

import re
import unicodedata
from functools import cache

_TONES = "\u0300\u0309\u0303\u0301\u0323"  # grave, hook, tilde, acute, dot below
_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _toned(vowel: str, tone: str) -> str:
    return unicodedata.normalize("NFC", vowel + tone)


def _byte_chars(code: int) -> tuple[str, ...]:
    """How byte `code` reads: as Windows-1252, and as Latin-1 where that differs."""
    try:
        cp1252 = bytes([code]).decode("cp1252")
    except UnicodeDecodeError:
        return (chr(code),)
    return (cp1252,) if cp1252 == chr(code) else (cp1252, chr(code))


# TCVN3 bytes of each vowel: grave, hook, tilde, acute, dot below.
_TCVN3_LOWER = {
    "a": (0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
_TCVN3_UPPER = {  # None: no byte of its own, written with the lowercase one
    "A": (0x80, 0x81, 0x82, 0x83, 0x84),
    "Ă": (0xAF, 0xBA, 0xBF, 0xC0, 0x85),
    "Â": (0xC1, 0xC2, 0xC3, 0xC4, 0x86),
    "E": (0x87, 0x88, 0x89, 0x8A, 0x8B),
    "Ê": (0xC5, 0xCD, 0xD9, 0xDA, 0x8C),
    "I": (0x8D, 0x8E, 0x8F, 0x90, 0x91),
    "O": (0x92, 0x93, 0x94, 0x95, 0x96),
    "Ô": (0xDB, 0xE0, 0xF0, 0xFF, 0x97),
    "Ơ": (0x98, 0x99, 0x9A, 0x9B, 0x9C),
    "U": (0x9D, 0x9E, 0x9F, None, None),
}
_TCVN3_BASES = {
    "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7,
    "ă": 0xA8, "â": 0xA9, "ê": 0xAA, "ô": 0xAB, "ơ": 0xAC, "ư": 0xAD, "đ": 0xAE,
}  # fmt: skip
# Windows-1252 punctuation that TCVN3 text really contains, read as punctuation.
_TCVN3_PUNCTUATION = frozenset({0x85, 0x91, 0x92, 0x93, 0x94, 0x95, 0x96, 0x97})


@cache
def tcvn3_table() -> dict[str, str]:
    """Unicode letter -> its TCVN3 byte (as a Windows-1252 character), all 134 letters
    with marks; a capital without a byte of its own (or whose byte is read as
    punctuation) gets its lowercase letter's, as `.VnTimeH` headings have it."""
    table = {}
    for letter, code in _TCVN3_BASES.items():
        table[letter] = bytes([code]).decode("cp1252")
    for vowel, codes in _TCVN3_LOWER.items():
        for tone, code in zip(_TONES, codes, strict=True):
            table[_toned(vowel, tone)] = bytes([code]).decode("cp1252")
    for vowel, codes in _TCVN3_LOWER.items():
        upper = _TCVN3_UPPER.get(vowel.upper(), (None,) * 5)
        for tone, lower_code, code in zip(_TONES, codes, upper, strict=True):
            if code is None or code in _TCVN3_PUNCTUATION:
                code = lower_code
            table[_toned(vowel.upper(), tone)] = _byte_chars(code)[0]
    return table


@cache
def _tcvn3_decoding() -> dict[int, str]:
    decoding = {}
    for letter, code in _TCVN3_BASES.items():
        for ch in _byte_chars(code):
            decoding[ord(ch)] = letter
    for vowel, codes in _TCVN3_LOWER.items():
        for tone, code in zip(_TONES, codes, strict=True):
            for ch in _byte_chars(code):
                decoding[ord(ch)] = _toned(vowel, tone)
    for vowel, codes in _TCVN3_UPPER.items():
        for tone, code in zip(_TONES, codes, strict=True):
            if code is not None and code not in _TCVN3_PUNCTUATION:
                for ch in _byte_chars(code):
                    decoding[ord(ch)] = _toned(vowel, tone)
    return decoding


def tcvn3_chars() -> frozenset[str]:
    """Every character that `decode_tcvn3` changes."""
    return frozenset(map(chr, _tcvn3_decoding()))


def decode_tcvn3(text: str) -> str:
    """`Hµ Néi` -> `Hà Nội`, byte for byte (capitals set in `.VnTimeH` come back
    lowercase: the caller knows the context, see `repair`)."""
    return text.translate(_tcvn3_decoding())


def encode_tcvn3(text: str, heading_font: bool = False) -> str:
    """Unicode -> TCVN3 as read with Windows-1252. `heading_font`: capitals written the
    `.VnTimeH` way, as the lowercase byte (`HÀ NỘI` -> `Hµ NéI`)."""
    table = tcvn3_table()
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if heading_font and ch.isupper() and ch.lower() in table and ch not in _TCVN3_BASES:
            out.append(table[ch.lower()])
        else:
            out.append(table.get(ch, ch))
    return "".join(out)


# VNI marks, lowercase and uppercase: after a base vowel letter they make the toned
# letter; ơ ư đ and the toned i's (and ỵ) are single bytes.
_VNI_TONES = {  # tone -> (lower mark, upper mark)
    "\u0300": ("ø", "Ø"),
    "\u0309": ("û", "Û"),
    "\u0303": ("õ", "Õ"),
    "\u0301": ("ù", "Ù"),
    "\u0323": ("ï", "Ï"),
}
# The shaped vowels: mark for no tone, then grave, hook, tilde, acute, dot below.
_VNI_CIRCUMFLEX = ("âàåãáä", "ÂÀÅÃÁÄ")
_VNI_BREVE = ("êèúüéë", "ÊÈÚÜÉË")
_VNI_I = ("iìæóíò", "IÌÆÓÍÒ")
_VNI_SINGLE = {"ơ": "ô", "Ơ": "Ô", "ư": "ö", "Ư": "Ö", "đ": "ñ", "Đ": "Ñ", "ỵ": "î", "Ỵ": "Î"}


@cache
def vni_table() -> dict[str, str]:
    """Unicode letter -> its VNI spelling (one or two Windows-1252 characters)."""
    table = dict(_VNI_SINGLE)
    for upper in (False, True):
        case = 1 if upper else 0
        for vowel in _VOWELS:
            letter = vowel.upper() if upper else vowel
            for i, tone in enumerate(("",) + tuple(_TONES)):
                toned = _toned(letter, tone)
                if toned in table:
                    continue
                if vowel in ("â", "ê", "ô"):
                    spelled = {"â": "a", "ê": "e", "ô": "o"}[vowel] + _VNI_CIRCUMFLEX[case][i]
                elif vowel == "ă":
                    spelled = "a" + _VNI_BREVE[case][i]
                elif vowel == "i":
                    spelled = _VNI_I[case][i]
                elif vowel in ("ơ", "ư"):
                    spelled = _VNI_SINGLE[vowel] + (_VNI_TONES[tone][0] if tone else "")
                else:
                    spelled = vowel + (_VNI_TONES[tone][0] if tone else "")
                if upper:
                    spelled = spelled.upper()
                table[toned] = spelled
    return {letter: spelled for letter, spelled in table.items() if letter != spelled}


@cache
def _vni_decoding() -> tuple[re.Pattern, dict[str, str]]:
    decoding = {spelled: letter for letter, spelled in vni_table().items()}
    # Also read: a mark in the other case than its letter, and i or y with a plain mark.
    for spelled, letter in list(decoding.items()):
        if len(spelled) == 2:
            base, mark = spelled
            other = mark.lower() if mark.isupper() else mark.upper()
            decoding.setdefault(base + other, letter)
    for base in "iyIY":
        for tone, marks in _VNI_TONES.items():
            for mark in marks:
                decoding.setdefault(base + mark, _toned(base, tone))
    keys = sorted(decoding, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, keys))), decoding


def vni_chars() -> frozenset[str]:
    """Every non-ASCII character of a VNI spelling."""
    return frozenset(ch for spelled in _vni_decoding()[1] for ch in spelled if ord(ch) > 0x7F)


def decode_vni(text: str) -> str:
    """`Haø Noäi` -> `Hà Nội`."""
    pattern, decoding = _vni_decoding()
    return pattern.sub(lambda found: decoding[found[0]], text)


def encode_vni(text: str) -> str:
    """Unicode -> VNI as read with Windows-1252: `Hà Nội` -> `Haø Noäi`."""
    table = vni_table()
    return "".join(table.get(ch, ch) for ch in unicodedata.normalize("NFC", text))
