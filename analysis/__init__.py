"""Compare how news reports frame a story, what tone they take and whose voices they carry.

The package is organised by step of the data flow: ``corpus`` (loading and cleaning),
``text`` (paragraphs, sentences and tokens with character offsets), ``sentiment``,
``entities``, ``sources``, ``framing``, ``compare``, ``plots`` and ``report``.
Paths live in ``config``; NLTK data is located and installed by ``nltkdata``.
"""

__version__ = "0.1.0"
