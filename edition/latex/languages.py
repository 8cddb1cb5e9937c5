"""The languages of the reader as babel knows them: each ISO 639-1 code the sources use, the
name of babel's locale (``\\babelprovide[import]``, TeX Live's ``babel/locale/*/babel-CODE.ini``).

Each language is set with its own hyphenation patterns where TeX Live has them installed
(``hyphenrules=NAME nohyphenation``: babel takes the first rules it has, so a language whose
patterns are missing is not hyphenated rather than hyphenated as English). Languages written
right to left are left out: they would need babel's bidi layout, which the reader does not set up.
"""

from __future__ import annotations

from edition.latex.escape import Latex

BABEL: dict[str, str] = {
    "af": "afrikaans", "ak": "akan", "am": "amharic", "as": "assamese", "az": "azerbaijani", "be": "belarusian",
    "bg": "bulgarian", "bm": "bambara", "bn": "bangla", "bo": "tibetan", "br": "breton", "bs": "bosnian", "ca":
    "catalan", "ce": "chechen", "cs": "czech", "cu": "churchslavic", "cy": "welsh", "da": "danish", "de": "ngerman",
    "dz": "dzongkha", "ee": "ewe", "el": "greek", "eo": "esperanto", "es": "spanish", "et": "estonian", "eu":
    "basque", "ff": "fulah", "fi": "finnish", "fo": "faroese", "fr": "french", "fy": "westernfrisian", "ga":
    "irish", "gd": "scottishgaelic", "gl": "galician", "gu": "gujarati", "gv": "manx", "ha": "hausa", "hi": "hindi",
    "hr": "croatian", "hu": "hungarian", "hy": "armenian", "ia": "interlingua", "id": "indonesian", "ig": "igbo",
    "ii": "sichuanyi", "is": "icelandic", "it": "italian", "ja": "japanese", "ka": "georgian", "ki": "kikuyu", "kk":
    "kazakh", "kl": "kalaallisut", "km": "khmer", "kn": "kannada", "ko": "korean", "kw": "cornish", "ky": "kyrgyz",
    "la": "latin", "lb": "luxembourgish", "lg": "ganda", "ln": "lingala", "lo": "lao", "lt": "lithuanian", "lu":
    "lubakatanga", "lv": "latvian", "mg": "malagasy", "mk": "macedonian", "ml": "malayalam", "mn": "mongolian",
    "mr": "marathi", "ms": "malay", "mt": "maltese", "my": "burmese", "nb": "norwegianbokmal", "nd": "northndebele",
    "ne": "nepali", "nl": "dutch", "nn": "nynorsk", "no": "norsk", "oc": "occitan", "om": "oromo", "or": "odia",
    "os": "ossetic", "pa": "punjabi", "pl": "polish", "pt": "portuguese", "qu": "quechua", "rm": "romansh", "rn":
    "rundi", "ro": "romanian", "ru": "russian", "rw": "kinyarwanda", "sa": "sanskrit", "sc": "sardinian", "se":
    "samin", "sg": "sango", "si": "sinhala", "sk": "slovak", "sl": "slovene", "sn": "shona", "so": "somali", "sq":
    "albanian", "sr": "serbian", "sv": "swedish", "sw": "swahili", "ta": "tamil", "te": "telugu", "th": "thai",
    "ti": "tigrinya", "tk": "turkmen", "to": "tongan", "tr": "turkish", "uk": "ukrainian", "uz": "uzbek", "vi":
    "vietnamese", "yo": "yoruba", "zh": "chinese", "zu": "zulu"
}
MAIN = "english"


def babel_name(code: str) -> str:
    """babel's name for a language code, or "" if babel has none here (the text is set as English)."""
    return "english" if code == "en" else BABEL.get(code.lower(), "")


def provide(codes: tuple[str, ...]) -> Latex:
    """The preamble lines that load each language of the reader once."""
    names = sorted({babel_name(c) for c in codes} - {"", MAIN})
    return Latex("\n".join(f"\\babelprovide[import,hyphenrules={n} nohyphenation]{{{n}}}" for n in names))
