"""The general Swedish thesaurus the answer engine takes as an argument: read by ``ingest.synonyms``
(search's second stage uses the same table), named here for the engine and its entry points."""

from __future__ import annotations

from ingest.synonyms import THESAURUS, Synonyms, load_thesaurus, parse_mythes

__all__ = ["THESAURUS", "Synonyms", "load_thesaurus", "parse_mythes"]
