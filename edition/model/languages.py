"""Languages by their ISO 639-1 codes: the English name the reader prints ("translated from
Russian"), and the words a source or a .bib file may write instead of a code ("Russian",
"русский", biblatex's "ngerman"). One table for every stage: the check that asks for a
code, the passes that name a language, the bibliography's exports. Which babel locale
sets a language is the LaTeX renderer's business (``edition.latex.languages``)."""

from __future__ import annotations

NAMES: dict[str, str] = {
    "af": "Afrikaans", "am": "Amharic", "az": "Azerbaijani", "be": "Belarusian", "bg": "Bulgarian",
    "bn": "Bengali", "br": "Breton", "bs": "Bosnian", "ca": "Catalan", "ce": "Chechen", "cs": "Czech",
    "cu": "Church Slavonic", "cy": "Welsh", "da": "Danish", "de": "German", "el": "Greek", "en": "English",
    "eo": "Esperanto", "es": "Spanish", "et": "Estonian", "eu": "Basque", "fi": "Finnish", "fr": "French",
    "ga": "Irish", "gd": "Scottish Gaelic", "gl": "Galician", "he": "Hebrew", "hi": "Hindi", "hr": "Croatian",
    "hu": "Hungarian", "hy": "Armenian", "id": "Indonesian", "is": "Icelandic", "it": "Italian", "ja": "Japanese",
    "ka": "Georgian", "kk": "Kazakh", "ko": "Korean", "ky": "Kyrgyz", "la": "Latin", "lt": "Lithuanian",
    "lv": "Latvian", "mk": "Macedonian", "mn": "Mongolian", "nb": "Norwegian Bokmål", "nl": "Dutch",
    "nn": "Norwegian Nynorsk", "no": "Norwegian", "os": "Ossetian", "pl": "Polish", "pt": "Portuguese",
    "ro": "Romanian", "ru": "Russian", "sk": "Slovak", "sl": "Slovene", "sq": "Albanian", "sr": "Serbian",
    "sv": "Swedish", "tk": "Turkmen", "tr": "Turkish", "uk": "Ukrainian", "uz": "Uzbek", "yi": "Yiddish",
    "zh": "Chinese",
}
# Words for a language that are not its English name: Russian names, and the names biblatex's
# langid and babel use.
OTHER_WORDS: dict[str, str] = {
    "русский": "ru", "английский": "en", "немецкий": "de", "французский": "fr", "украинский": "uk",
    "грузинский": "ka", "польский": "pl", "идиш": "yi", "латышский": "lv", "армянский": "hy",
    "итальянский": "it", "испанский": "es", "чешский": "cs", "финский": "fi", "шведский": "sv", "латинский": "la",
    "белорусский": "be", "литовский": "lt", "эстонский": "et", "иврит": "he", "китайский": "zh", "японский": "ja",
    "ngerman": "de", "german": "de", "austrian": "de", "naustrian": "de", "american": "en", "british": "en",
    "usenglish": "en", "ukenglish": "en", "australian": "en", "canadian": "en", "francais": "fr", "français": "fr",
    "norsk": "no", "bokmal": "nb", "norwegianbokmal": "nb", "nynorsk": "nn", "slovenian": "sl", "portuges": "pt",
    "brazil": "pt", "brazilian": "pt", "bangla": "bn", "churchslavic": "cu", "ossetic": "os",
}
_BY_WORD = {**{name.casefold(): code for code, name in NAMES.items()}, **OTHER_WORDS}


def name_of(code: str) -> str:
    """The English name of a language ("ru" -> "Russian"); a code not in the table as it is."""
    return NAMES.get(code.split("-", 1)[0].lower(), code)


def code_for(word: str) -> str | None:
    """The code of a language written as a word ("Russian", "русский", "ngerman"), or None."""
    return _BY_WORD.get(word.strip().casefold())
