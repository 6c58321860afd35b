"""What the labels and the voices are called, and how a compound score becomes a label."""

from __future__ import annotations

#: Sentence labels, in the order used by every table of this package.
LABELS: tuple[str, str, str] = ("positive", "neutral", "negative")

#: VADER's conventional cut-off: compound >= 0.05 is positive, <= -0.05 negative.
COMPOUND_THRESHOLD = 0.05

#: The voice given to text outside every quotation.
NARRATOR = "narrator (reporter)"

#: The voice given to quoted text whose speaker is unknown.
UNATTRIBUTED = "quoted (unattributed)"


def label_compound(compound: float) -> str:
    """``positive``, ``neutral`` or ``negative`` by VADER's conventional ±0.05 thresholds.

    References:
        Hutto, C. J. & Gilbert, E. (2014). VADER: A Parsimonious Rule-based Model for
        Sentiment Analysis of Social Media Text. ICWSM-14.

    Example:
        >>> label_compound(0.05), label_compound(0.0499), label_compound(-0.3)
        ('positive', 'neutral', 'negative')
    """
    if compound >= COMPOUND_THRESHOLD:
        return "positive"
    if compound <= -COMPOUND_THRESHOLD:
        return "negative"
    return "neutral"
