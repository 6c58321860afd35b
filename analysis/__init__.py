"""Compare how news reports frame a story, what tone they take and whose voices they carry.

One package per step of the data flow (``docs/architecture.md``): ``corpus`` (reading and
cleaning articles), ``nlp`` (sentences, tokens, tags and entities with character offsets),
``lexicons`` (the word lists, as data files), ``sources``, ``sentiment``, ``framing``,
``compare`` (side by side across reports), ``present`` (figures, highlighted evidence,
widgets, the lesson) and ``batch`` (command line, set-up, corpus mode, the report batch).
Paths live in ``config``; ``cache`` keeps results and loaded models on disk.
"""

__version__ = "0.1.0"
