"""The general English–Swedish layers behind the domain glossary: the general word list
(``english_general.toml``) and the dictd dictionary read at run time (Debian's dict-freedict-eng-swe,
which `make test` installs), and exactly today's translation when they are absent."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from ingest.glossary import FREEDICT, english_stems, load_freedict, load_general, to_swedish

_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"

QUESTIONS = [
    "Which reports did the government publish about the work of the steering group?",
    "What is a good recipe for plimbous ferbles?",
    "How often do the process leaders meet, and who keeps the minutes?",
    "Does the plan mention the budget?",
]


def _b64(n: int) -> str:
    out = ""
    while True:
        out = _B64[n % 64] + out
        n //= 64
        if not n:
            return out


def _write_dictd(base: Path, entries: list[tuple[str, str]]) -> str:
    """A dictd dictionary (``.index`` with base64 offsets, gzip-compressed ``.dict.dz``)."""
    body, index = b"", []
    for head, text in entries:
        raw = text.encode("utf-8")
        index.append(f"{head}\t{_b64(len(body))}\t{_b64(len(raw))}")
        body += raw
    Path(f"{base}.index").write_text("\n".join(sorted(index)) + "\n", "utf-8")
    Path(f"{base}.dict.dz").write_bytes(gzip.compress(body))
    return str(base)


@pytest.fixture
def small_dict(tmp_path: Path) -> str:
    return _write_dictd(tmp_path / "eng-swe", [
        ("00databaseshort", "00-database-short\nEn liten ordbok\n"),
        ("run", "run /rʌn/\n1. springa\n2. kila, raka\n"),
        ("run", "run /rʌnɔːwei/\nfly, rymma\n"),              # "run away": a phrase under its first word
        ("work", "work /wəːk/\n1. gnoa på\n2. arbete, verk\n"),  # multi-word and unknown senses pass over
        ("proposal", "proposal /prəpouzəl/\nfrieri, förslag\n"),
        ("zebra", "zebra /ziːbrə/\nsebra\n"),                # not in the knowledge base's vocabulary
        ("plan", "plan /plæn/\nprojekt\n"),                   # a Swedish word already: stays
        ("tax", "tax /tæks/\nskatt\n"),                       # a noun only
        ("adopt", "adopt /ədɔpt/\nanta\n"),                   # a verb
    ])


def test_a_dictd_dictionary_is_parsed_by_sense_and_phrases_are_skipped(small_dict: str) -> None:
    load_freedict.cache_clear()
    entries = load_freedict(small_dict)
    assert entries["run"] == ("springa", "kila", "raka")
    assert entries["work"] == ("arbete", "verk")
    assert "00databaseshort" not in entries


@pytest.mark.parametrize(("english", "swedish"), [
    ("proposals", "förslag"),   # plural looked up as singular; the vocabulary's word is chosen
    ("work", "arbete"),
    ("zebra", "zebra"),         # no translation the knowledge base has: left as it was
    ("plan", "plan"),           # Swedish already
    ("run", "run"),             # 'fly' only came from the phrase "run away"
    ("adopted", "anta"),        # a verb's form: the stem's verb-like translation
    ("taxed", "taxed"),         # ... but not a noun ("skatt"): left as it was
    ("digitalisation", "digitalisering"),  # no entry: the Swedish twin the vocabulary has
    ("identity", "identitet"),
    ("innovative", "innovativ"),
    ("plimbification", "plimbification"),  # a twin the vocabulary lacks: left as it was
])
def test_the_dictionary_translates_words_the_glossary_lacks(small_dict: str, english: str, swedish: str) -> None:
    assert to_swedish(f"What about the {english}?", dictionary=small_dict, general=None) == swedish


@pytest.mark.parametrize(("word", "stem"), [
    ("studies", "study"), ("decided", "decide"), ("planned", "plan"), ("funding", "fund"),
    ("regulated", "regulate"), ("services", "service"),
])
def test_english_inflections_are_reduced_before_lookup(word: str, stem: str) -> None:
    stems = english_stems(word)
    assert stems[0] == word and stem in stems


@pytest.mark.parametrize("word", ["process", "status", "analysis"])
def test_words_ending_in_s_that_are_not_plurals_keep_it(word: str) -> None:
    assert english_stems(word) == [word]


@pytest.mark.parametrize("question", QUESTIONS)
def test_without_the_dictionary_files_translation_is_unchanged(tmp_path: Path, question: str) -> None:
    assert to_swedish(question, dictionary=str(tmp_path / "missing")) == to_swedish(question, dictionary=None)


# Present wherever `make test` ran (the Makefile installs dict-freedict-eng-swe); skipped elsewhere.
needs_freedict = pytest.mark.skipif(not Path(f"{FREEDICT}.index").is_file(),
                                    reason="Debian package dict-freedict-eng-swe not installed (make dictionary)")


@needs_freedict
def test_debian_freedict_fills_in_general_words() -> None:
    assert len(load_freedict()) > 1000
    plain = to_swedish(QUESTIONS[0], dictionary=None, general=None).split()
    translated = to_swedish(QUESTIONS[0], general=None).split()
    assert "work" in plain and "work" not in translated
    assert {"arbete", "arbeta"} & set(translated)
    assert "regeringen" in translated and "rapport" in translated  # the domain glossary still comes first


@pytest.fixture
def small_list(tmp_path: Path) -> str:
    path = tmp_path / "general.toml"
    path.write_text("""[words]
inquiry = ["utredning"]
care = ["qxvård", "vård", "omsorg"]   # the first word the vocabulary lacks is passed over
fund = ["medel", "finansiera"]
proposal = ["qxförslag"]              # none the vocabulary has: the dictionary is asked
secretariat = ["kansli"]              # the domain list comes first
work = "uppdrag"                      # one word as a string
""", "utf-8")
    load_general.cache_clear()
    return str(path)


@pytest.mark.parametrize(("english", "swedish"), [
    ("inquiries", "utredning"),     # a plural reduced to the list's base form
    ("care", "vård"),
    ("funded", "finansiera"),       # a verb's form: the verb-like word, not the noun listed first
    ("fund", "medel"),
    ("proposal", "förslag"),        # through to the dictionary
    ("secretariat", "sekretariat"),
    ("work", "uppdrag"),            # before the dictionary's "arbete"
    ("zebra", "zebra"),             # in neither, and no twin: left as it was
])
def test_the_general_list_comes_between_the_domain_list_and_the_dictionary(
        small_list: str, small_dict: str, english: str, swedish: str) -> None:
    assert to_swedish(f"What about the {english}?", dictionary=small_dict, general=small_list) == swedish


def test_the_general_list_is_read_as_base_form_to_swedish_words(small_list: str) -> None:
    entries = load_general(small_list)
    assert entries["care"] == ("qxvård", "vård", "omsorg") and entries["work"] == ("uppdrag",)


@pytest.mark.parametrize("question", QUESTIONS)
def test_without_the_general_list_translation_is_unchanged(tmp_path: Path, small_dict: str, question: str) -> None:
    missing = str(tmp_path / "missing.toml")
    assert load_general(missing) == {}
    assert to_swedish(question, dictionary=small_dict, general=missing) == to_swedish(question, dictionary=small_dict, general=None)
