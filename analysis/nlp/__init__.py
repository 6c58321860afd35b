"""Language processing every analysis shares: one cleaning pipeline and sentence splitter,
one tokenizer with character offsets, the part-of-speech tagger, named entities, and the
NLTK data they read (located, never downloaded at import).

Modules are imported when used, so that ``analysis.nlp.nltk_packages`` (the quick set-up
check) does not pay for NLTK or pandas.
"""
