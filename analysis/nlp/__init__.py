"""Language processing every analysis shares: one cleaning pipeline, paragraph rule and
sentence splitter (``text``), one word pattern and word tokens with character offsets
(``tokens``), word endings (``endings``), the part-of-speech tagger (``tagging``), named
entities (``entities``), one parsed text computed once (``parsed``), the span highlighter
(``highlight``), and the NLTK data they read (``nltk_data``, ``nltk_packages``: located,
never downloaded at import).

Modules are imported when used, so that the batch's set-up check, which reads
``nltk_packages``, does not pay for NLTK or pandas.
"""
