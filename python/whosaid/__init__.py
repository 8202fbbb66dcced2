"""whosaid: who said what in English news text.

Every quotation of an article (direct, mixed, indirect) with its cue and its speaker, resolved to an entity. The
analysis is the Rust core of the whosaid command line and web page; results follow the same JSON contract, with
offsets in code points so that ``text[q["start"]:q["end"]] == q["text"]``.

    >>> import whosaid
    >>> doc = whosaid.analyze('"We will talk," Podolyak said.')
    >>> [(q["text"], doc["speakers"][q["speaker_id"]]["name"]) for q in doc["quotes"]]
    [('"We will talk,"', 'Podolyak')]
"""

from ._whosaid import __version__, analyze, analyze_many, analyze_story

__all__ = ["__version__", "analyze", "analyze_many", "analyze_story"]
