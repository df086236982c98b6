"""Zip bombs: DOCX and PPTX files are zip archives, and a small one can unpack to gigabytes of XML.
Their central directory is read (not the data) and the file refused, naming the part, before
anything is unpacked. The zip reader itself stops at the sizes declared there, so a directory
that lies only makes the parse fail on its checksum."""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path

from .errors import IngestError

MB = 1024 * 1024
# A part must be this large before its ratio counts: small XML parts compress very well and harmlessly.
RATIO_FLOOR = 1 * MB
MAX_MEMBERS = 10_000


@dataclass(frozen=True)
class ArchiveLimits:
    """``max_unpacked``: bytes all parts may unpack to together; ``max_ratio``: how many times a
    part may grow when unpacked (Apache POI refuses the same, 100)."""

    max_unpacked: int = 100 * MB
    max_ratio: int = 100


def check_archive(path: Path, limits: ArchiveLimits = ArchiveLimits()) -> None:
    """Raise IngestError when ``path`` would unpack to too much; a file that is no zip at all is
    left to its loader, which says what is wrong with it."""
    try:
        with zipfile.ZipFile(path) as z:
            members = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    fix = "spara om dokumentet eller dela upp det; är filen okänd kan den vara en zip-bomb"
    if len(members) > MAX_MEMBERS:
        raise IngestError(str(path), f"innehåller {len(members)} delar (högst {MAX_MEMBERS}); {fix}")
    total = sum(m.file_size for m in members)
    if total > limits.max_unpacked:
        raise IngestError(str(path), f"packas upp till {total / MB:.0f} MB (högst {limits.max_unpacked / MB:.0f} MB, "
                                     f"MSV_MAX_UNPACKED_MB); {fix}")
    for m in members:
        ratio = m.file_size / max(m.compress_size, 1)
        if m.file_size > RATIO_FLOOR and ratio > limits.max_ratio:
            raise IngestError(str(path), f"delen {m.filename} växer {ratio:.0f} gånger när den packas upp "
                                         f"(högst {limits.max_ratio}, MSV_MAX_UNPACK_RATIO); {fix}")
