# Type stubs of the extension module (whosaid/__init__.py re-exports it). The dicts follow the JSON contract of
# `whosaid --json` (src/output.rs); offsets are code points into the text, end-exclusive. A field added to the
# contract appears in the dicts before it appears here.
from typing import Iterable, List, Literal, Optional, TypedDict

__version__: str

class Span(TypedDict):
    start: int
    end: int
    text: str

class Quote(TypedDict):
    id: int
    kind: Literal["direct", "mixed", "indirect"]
    start: int
    end: int
    text: str
    cue: Optional[Span]
    speaker: Optional[Span]
    speaker_id: Optional[int]
    confidence: float
    sieve: str
    parts: List[Span]

class Speaker(TypedDict):
    id: int
    name: str
    kind: str
    aliases: List[str]
    descriptions: List[str]
    quotes: int
    gender: Literal["male", "female", "unknown"]

class Document(TypedDict):
    id: str
    quotes: List[Quote]
    speakers: List[Speaker]

class Story(TypedDict):
    documents: List[Document]
    story: dict

def analyze(text: str) -> Document:
    """Analyses one article: its quotes and speakers, offsets in code points.

    Raises TypeError if ``text`` is not a str, ValueError if it holds a lone surrogate.
    """

def analyze_many(texts: Iterable[str], threads: Optional[int] = None) -> List[Document]:
    """Analyses many articles on ``threads`` threads (default: every core), without the GIL; results in order."""

def analyze_story(texts: Iterable[str]) -> Story:
    """Analyses the articles of one story: speakers merged across them, statements compared across outlets."""
