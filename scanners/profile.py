"""What MSV is, in its own words: the knowledge base's public passages and the watch topics'
descriptions as a term profile that items are matched against (tf-idf over stemmed words, idf
from the stream of news the scanner sees), with the passage an item matched kept as the reason."""

from __future__ import annotations

import logging
import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ingest.swedish import tokenize

log = logging.getLogger(__name__)

_EN_STOP = frozenset("the of and to in is for on that with are as by this be from or an it at "
                     "its their which have has was were will can not more these they".split())
_SV_STOP = frozenset("och att det som en på är av för med till den har de inte om ett var men "
                     "vi så från vid eller kan ska även nya ny detta under mot efter".split())
_WORD = re.compile(r"[a-zåäöéü]+")
PASSAGE_CHARS = 800
# The contrast (Profile.contrast): pages of the stream before it counts (word rarity over a few
# items says nothing), and the pseudo-texts that pull MSV's rate of a word towards the stream's,
# so that a word MSV's texts use once or twice weighs little either way.
MIN_BACKGROUND = 200
CONTRAST_PRIOR = 50.0
CONTRAST_SAMPLE = 1000  # the latest stream pages whose mean contrast is the zero point


def is_english(text: str) -> bool:
    """Whether a text is English rather than Swedish, by the share of each language's commonest
    words among its first 300 words."""
    words = _WORD.findall(text[:3000].lower())[:300]
    en = sum(1 for w in words if w in _EN_STOP)
    sv = sum(1 for w in words if w in _SV_STOP)
    return en >= 2 and en > 1.5 * sv


@lru_cache(maxsize=8192)
def _words(text: str) -> tuple[str, ...]:
    return tuple(tokenize(text, compounds=True, prefixes=False))


def profile_words(text: str) -> list[str]:
    """Stemmed words with the parts of compounds ("kompetensförsörjningsarbetet" also counts as
    "kompetensförsörjning" and "arbet"), as the knowledge base's own BM25 sees them."""
    return list(_words(text))


@dataclass(frozen=True)
class Passage:
    """A public knowledge-base passage: the document's title, its section and page, the text."""

    title: str
    section: str | None
    page: int | None
    text: str
    own: bool = False  # from the collaboration's own files, not a copy of a web page

    def where(self) -> str:
        out = self.title
        if self.section:
            out += f" … avsnitt {self.section}"
        if self.page:
            out += f", s. {self.page}"
        return out


def load_passages(folder: str | Path) -> list[Passage]:
    """The passages of the public documents in `folder`, read once per process while no file in
    it changes (a scan builds its scorer each time; the documents rarely change)."""
    root = Path(folder)
    files = sorted(root.rglob("*")) if root.is_dir() else []
    stamp = tuple((str(p), p.stat().st_mtime_ns) for p in files if p.is_file())
    return list(_load_passages(str(root), stamp))


@lru_cache(maxsize=8)
def _load_passages(folder: str, stamp: tuple[tuple[str, int], ...]) -> tuple[Passage, ...]:
    """The passages of the documents in `folder` (the bundled corpus) that everyone may read.
    A file that cannot be read is skipped with a warning: the profile is built from the rest."""
    from ingest.background import bundled_paths
    from ingest.loaders import loader_for
    from ingest.metadata import read_sidecar

    out: list[Passage] = []
    root = Path(folder)
    # the documents the knowledge base indexes from the folder (not its README, not sidecars)
    for path in bundled_paths(root) if root.is_dir() else []:
        try:
            meta = read_sidecar(path)
            if "alla" not in list(meta.get("access", ["alla"])):  # type: ignore[arg-type]
                continue
            for doc in loader_for(path)(path):
                if isinstance(doc, Exception):
                    continue
                title = str(meta.get("title") or doc.title)
                own = not (meta.get("url") or doc.url)
                out.extend(_passages(title, doc.blocks, own=own))
        except Exception as e:  # noqa: BLE001 - one unreadable file never stops the profile
            log.warning("%s: not used for relevance: %s", path, e)
    return tuple(out)


def _passages(title: str, blocks: Sequence[Any], size: int = PASSAGE_CHARS,
              own: bool = False) -> list[Passage]:
    """Paragraphs packed into passages of about `size` characters within one section and page
    (the knowledge base's chunker needs llama-index, which takes seconds to import)."""
    out: list[Passage] = []
    key, text = None, ""
    for block in blocks:
        here = (block.section or None, block.page)
        if text and (here != key or len(text) + len(block.text) > size):
            out.append(Passage(title, key[0], key[1], text, own))  # type: ignore[index]
            text = ""
        key, text = here, f"{text}\n\n{block.text}".strip()
    if text and key is not None:
        out.append(Passage(title, key[0], key[1], text, own))
    return out


@dataclass(frozen=True)
class ProfileMatch:
    score: float  # 0..1: cosine with the profile
    passage: Passage | None  # the passage it shares most with
    passage_score: float


class Profile:
    """MSV's vocabulary: topic descriptions and KB passages, weighed by how rare each word is in
    the news stream (a word every press release uses says nothing about MSV); and the contrast of
    MSV's own texts with the stream, word by word (``contrast``)."""

    def __init__(self, descriptions: Sequence[str], passages: Sequence[Passage] = (),
                 kb_weight: float = 0.2) -> None:
        self.passages = list(passages)
        self._desc = Counter(w for d in descriptions for w in profile_words(d))
        self._pass = [Counter(profile_words(p.text)) for p in self.passages]
        kb = Counter[str]()
        for c in self._pass:
            kb.update(c)
        self._kb = kb
        # MSV's own texts for the contrast: the descriptions and its own documents' passages
        # (the government pages of the knowledge base are the stream's kind of text, not MSV's)
        own = [set(profile_words(d)) for d in descriptions]
        own += [set(c) for p, c in zip(self.passages, self._pass, strict=True) if p.own]
        self._own_df = Counter(w for words in own for w in words)
        self._own_n = len(own)
        self._log_odds: dict[str, float] = {}
        self._sample: list[dict[str, float]] = []  # the latest stream pages' sublinear counts
        self._seen_texts = 0
        self._zero: float | None = None
        self.kb_weight = kb_weight
        self._df: Counter[str] = Counter()
        self._n = 0
        self._vec: dict[str, float] = {}
        self._pvecs: list[tuple[dict[str, float], float]] = []
        self.fit_background([])

    def fit_background(self, texts: Iterable[str]) -> None:
        """Add the news stream's texts to the background that word rarity is measured against
        (the store's items; the profile's own texts count as one document each)."""
        for text in texts:
            words = profile_words(text)
            self._df.update(set(words))
            self._n += 1
            tf = {w: 1 + math.log(n) for w, n in Counter(words).items()}
            if len(self._sample) < CONTRAST_SAMPLE:
                self._sample.append(tf)
            else:
                self._sample[self._seen_texts % CONTRAST_SAMPLE] = tf
            self._seen_texts += 1
        desc = self._weigh(self._desc)
        kb = self._weigh(self._kb)
        dn, kn = _norm(desc), _norm(kb)
        merged = {w: v / dn for w, v in desc.items()}
        for w, v in kb.items():
            merged[w] = merged.get(w, 0.0) + self.kb_weight * v / kn
        self._vec = merged
        self._log_odds, self._zero = {}, None
        self._pvecs = [(v, _norm(v)) for v in (self._weigh(c) for c in self._pass)]

    def log_odds(self, word: str) -> float:
        """How much likelier MSV's own texts are to use `word` than the stream's pages are (the
        log-odds ratio of a text containing it), MSV's rate smoothed towards the stream's."""
        v = self._log_odds.get(word)
        if v is None:
            pb = min(0.999, (self._df.get(word, 0) + 0.5) / (self._n + 1))
            pk = min(0.999, (self._own_df.get(word, 0) + CONTRAST_PRIOR * pb)
                     / (self._own_n + CONTRAST_PRIOR))
            v = self._log_odds[word] = math.log(pk / (1 - pk)) - math.log(pb / (1 - pb))
        return v

    def _mean_log_odds(self, tf: dict[str, float]) -> float:
        return sum(v * self.log_odds(w) for w, v in tf.items()) / (sum(tf.values()) or 1.0)

    def contrast(self, title: str, text: str) -> float:
        """How much more an item speaks MSV's language than the stream's pages do: the mean
        log-odds of its words (title thrice, lead twice, sublinear counts) less that of the
        latest stream pages. 0.0 while the stream is too small to tell (`MIN_BACKGROUND`)."""
        if self._n < MIN_BACKGROUND or not self._own_n:
            return 0.0
        if self._zero is None:
            self._zero = sum(map(self._mean_log_odds, self._sample)) / (len(self._sample) or 1)
        counts: Counter[str] = Counter()
        for part, weight in ((title, 3), (text[:400], 1), (text[:1500], 1)):
            for w in profile_words(part):
                counts[w] += weight
        if not counts:
            return 0.0
        tf = {w: 1 + math.log(n) for w, n in counts.items()}
        return round(self._mean_log_odds(tf) - self._zero, 4)

    def idf(self, word: str) -> float:
        return math.log((self._n + 1) / (self._df.get(word, 0) + 1)) + 1.0

    def _weigh(self, counts: Counter[str]) -> dict[str, float]:
        return {w: (1 + math.log(n)) * self.idf(w) for w, n in counts.items() if n > 0}

    def item_words(self, title: str, text: str, body_chars: int = 1500) -> Counter[str]:
        """The title counts twice: it says what the item is about."""
        return Counter(profile_words(f"{title}. {title}. {text[:body_chars]}"))

    def match(self, title: str, text: str) -> ProfileMatch:
        item = self._weigh(self.item_words(title, text))
        n = _norm(item)
        score = sum(v * self._vec.get(w, 0.0) for w, v in item.items()) / n / (_norm(self._vec))
        best, best_score = None, 0.0
        for passage, (vec, vn) in zip(self.passages, self._pvecs, strict=True):
            s = sum(v * vec.get(w, 0.0) for w, v in item.items()) / n / vn
            if s > best_score:
                best, best_score = passage, s
        return ProfileMatch(round(score, 4), best, round(best_score, 4))


def _norm(vec: dict[str, float]) -> float:
    return math.sqrt(sum(v * v for v in vec.values())) or 1.0
