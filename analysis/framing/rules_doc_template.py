"""The prose of ``docs/framing_rules.md``, with a ``{placeholder}`` for each list.

:func:`analysis.framing.rules_doc.framing_rules_markdown` fills the placeholders from the
word lists in ``analysis/lexicons/`` (see its docstring for what each one holds). Edit the
prose here and the lists in their data files, then regenerate the document with
``python -m analysis docs``. The text is a :meth:`str.format` template: a literal brace is
written twice (``{{`` or ``}}``).
"""

TEMPLATE = """\
# Framing rules: what `analysis.framing` counts, and why

This note documents every rule behind the framing tables: the frame cues, the stance-marker
lists, the choices in the distinctive-vocabulary statistic, the part-of-speech patterns for
actors and actions, and how omission candidates are found. The code is the reference
(`analysis/framing/`; `frame_rules()` returns the frame rules as a table); every list
below is written from the word lists in `analysis/lexicons/` by `python -m analysis docs`,
so edit a list there, not here.

All of it is rule-based on purpose: a student can look up why a sentence was coded, and
disagree. The same transparency shows the limits, stated at the end of each section.

## Conventions shared by all cue lists

- **Tokens.** Texts are cut into words, numbers and punctuation, Treebank style, with
  character offsets: `Russia's` is `Russia` + `'s`, `I'm` is `I` + `'m`, `don't` is `do` +
  `n't`; hyphenated words (`so-called`, `video-conferencing`) and abbreviations (`U.S.`)
  stay whole. A cue that spans a clitic is written with a space: `if i 'm not mistaken`.
- **Case.** Matching ignores case.
- **Inflections.** There is no lemmatiser in the offline NLTK data (no WordNet), so cues are
  expanded instead of texts being lemmatised: each alphabetic cue word of three or more
  letters also matches its regular forms — plural or third person (`-s`, `-es`, `-ies`),
  past (`-ed`, `-d`, `-ied`, doubled consonant: `ban` → `banned`) and `-ing` (`urge` →
  `urging`). Short function words (`to`, `of`, `the`, ...) are matched as written.
  Over-generated non-words (`baned`) do no harm: they never occur.
- **Irregular forms** follow a bar: `sell|sold` matches `sell`, its regular forms and `sold`.
- **Numbers.** `#` stands for any number: `about #` matches `about 20`.
- **Whole tokens only.** `ban` does not match inside `bandwidth`, and `right` does not match
  `right-wing`.
- **Longest match.** Inside one frame (or stance category), a cue inside a longer matching
  cue is dropped: `market share` wins over `market`.
- **Stop phrases.** No frame cue counts inside these phrases: {stop_phrases}.

## 1. Generic news frames (`frame_sentences`, scheme `"generic"`)

Semetko and Valkenburg (2000) measured five news frames with 20 yes/no questions, coded
per story by human coders: **responsibility** (5 questions), **human interest** (5),
**conflict** (4), **morality** (3) and **economic consequences** (3). Here each question is
turned into a cue group, and every sentence is checked for every cue. A sentence "shows"
a frame when at least one cue of that frame occurs in it. `frame_sentences` returns one row
per cue match (the evidence, with its offsets and sentence); `frame_profile` counts, per
article and frame, the sentences showing the frame and their share of all sentences, and
lists their numbers in `evidence_sentences`.

Each group below gives the rule id, the battery question it stands for (paraphrased from
Semetko & Valkenburg 2000) and its cues.

{generic_frames}

**The first-person rule** (`human_interest.1`). A first-person singular pronoun (`I`, `me`,
`my`, `mine`, `myself`) inside a quotation counts as a human voice speaking for itself, but
only in a sentence that already holds another human-interest cue: an "I" in a quotation is
not a human-interest story by itself.
Quotation marks are counted through the sentences of each paragraph, so the second
sentence of a two-sentence quotation is still inside it; the count restarts at every
paragraph, so one unbalanced mark cannot leak through a whole article. Plural `we` and `our`
are left out: in news they mostly speak for an institution (a spokesperson's "we do not use
Zoom", a company's "our website").

**Names and numbers.** A cue inside a name does not count: a capitalised cue word that does
not open its sentence or quotation ("the Justice Department", "Vanity Fair", "Federation of
Teachers"), or a sentence-opening one followed by another capitalised word; in a headline
written in title case the check cannot tell and lets the cue count. A full stop after a
title ("Mr.", "Gov.") does not open a sentence. Numbers and amounts ({economic_gated}) count
as economic only with a word of money, prices, jobs or markets within {economic_window}
words ({economic_with}), and never in a sentence about polls ({economic_never}).

**Why these cues.** They are the words a coder following the battery would point to when
answering "yes": disagreement and hostile acts between parties (`ban`, `block`,
`sanction`, `restrictive`) and reproach (`accuse`, `warn`, `complain`) for conflict; money,
sales and markets (`revenue`, `sell|sold`, `contract`) for economic consequences;
government asked to act (`government should`, `urged the government`), law
(`legislation`), solutions (`switch to`, `alternative`) and urgency (`urge`, `need to`) for
responsibility; emotions and affected people (`regret`, `feel|felt`, `family`) for human
interest; moral and religious vocabulary (`morally wrong`, `unfair`, `god`) for morality.
The lists were checked against coded news articles and against 150 cue hits judged by hand
on unseen US political news (`benchmarks/eval_frame_hits.py`); cues whose hits were mostly
out of sense were dropped or narrowed. Each cue belongs to
one frame only; a sentence can show several frames.

**Limits.** The battery asks about whole stories read by people; a cue is evidence that a
frame *may* be present, not proof. Cues are matched without reading the sentence: a word
used in another sense still counts ("attacks" in a report of violence counts as conflict).
Paraphrases without a listed word are missed. Question
`human_interest.5` (pictures) is not coded. Compare profiles across articles of similar
length and genre, and read the evidence sentences before drawing conclusions.

### Frames of whole articles (`article_frames`), and how far to trust them

Coders of the battery code an article's *main focus*, read from its headline and lead, from
explicit indicators. `article_frames` makes that article-level decision: for each frame, a
small logistic model weighs whether a cue is in the first sentence, how many cues are in the
first three, the share of sentences with a cue, the number of cues and how many of the
frame's questions are answered. Its weights were fitted on 182 news articles coded by
trained coders (`docs/frames_model.md`). The table shows, per frame, how often the suite
agrees with the coders on articles it did not learn from, next to how often two coders
agree with each other, and to the score of simply saying "yes" for every article (F1:
1 = always agree, 0 = never), and how often the coders agree when the suite says a frame is
there (precision). The model's settings were chosen on the training articles only; with
other splits of the same 182 articles the figures move by a few hundredths (overall F1 0.66
to 0.69; human interest and morality, with under 20 coded articles each, move most).

{trust_table}

## 2. Policy frames (`frame_sentences(..., scheme="policy")`)

The Policy Frames Codebook (Boydstun et al. 2014), used to annotate the Media Frames Corpus
(Card et al. 2015), defines fifteen issue-general framing dimensions by description, not by
words. Fourteen are coded here (the fifteenth, "Other", has no content); the cue lists are
this project's own operationalisation of the codebook's descriptions. "External regulation
and reputation" is one dimension in the codebook, named `external_regulation` here.

{policy_frames}

**Limits.** Cue lists this short catch only the most explicit mentions; the codebook's
annotators coded frames from meaning. Some cues are tied to the seed story (`kremlin`,
`cis`, `closed channel`) and should be reviewed for other stories.

## 3. Distinctive vocabulary (`fightin_words`, `distinctive_terms`)

The statistic is the weighted log-odds ratio with an informative Dirichlet prior of Monroe,
Colaresi and Quinn (2008, "Fightin' Words", eq. 16–22). For a term *w* with counts
*y<sub>a</sub>*, *y<sub>b</sub>*, text totals *n<sub>a</sub>*, *n<sub>b</sub>*, prior
pseudo-count *α<sub>w</sub>* and prior total *α<sub>0</sub>* = Σ *α<sub>w</sub>*:

```
delta_w = log((y_a + a_w) / (n_a + a0 - y_a - a_w)) - log((y_b + a_w) / (n_b + a0 - y_b - a_w))
var_w   = 1 / (y_a + a_w) + 1 / (y_b + a_w)
z_w     = delta_w / sqrt(var_w)
```

Choices made here:

- **Default prior: the pooled counts of the texts compared, rescaled to α<sub>0</sub> = 100**
  (`DEFAULT_ALPHA0`), i.e. *α<sub>w</sub>* = 100 · (*y<sub>a</sub>* + *y<sub>b</sub>*) /
  (*n<sub>a</sub>* + *n<sub>b</sub>*). Pooling shrinks each word towards "no difference"
  in proportion to its frequency, as the paper recommends when no larger background corpus
  is at hand. The total 100 keeps the prior weaker than the data for news articles of a few
  hundred words. On the seed pair the five top terms of each report are nearly the same for
  α<sub>0</sub> = 10, 100, 1,000 or the unscaled pooled counts; a weak prior moves words
  frequent in both reports up (`russia`, 5 against 1), a strong one words absent from the
  other report, and |z| is largest around 100.
- **Background prior**: pass counts from a larger corpus as `prior=`; they are rescaled to
  `alpha0` (or used as given with `alpha0=None`). Terms missing from the background get its
  smallest positive count.
- **Flat prior**: `prior=0.5` (any positive number) gives every term the same pseudo-count,
  the paper's uninformative Dirichlet case; the tests check this case against a
  hand-computed example.
- **Tokens** (`distinctive_terms`): lower-cased runs of letters; hyphenated words and
  abbreviations kept whole; digits, punctuation and the clitics `'s`, `'m`, `n't` dropped.
  Unigrams drop NLTK's English stop-word list (`stopwords=True`).
- **Two-word phrases** (`ngram=2`): two words with only spaces between them (no
  punctuation, no line break), neither of them a stop word. A stop word breaks adjacency
  rather than being skipped: "sales to Russian agencies" gives only `russian agencies`.
- **More than two texts**: each text against all the others pooled.
- **Ranking**: by z within each article; ties (common in short texts, where many words occur
  twice in one report and never in the other) are broken alphabetically — read tied terms
  as a group.

**Limits.** Two articles of 400 words are a very small sample: |z| rarely reaches 1.96, and
z-scores here rank terms rather than test them. Translation choices (one report is a
translation) show up as "distinctive" words.

## 4. Keyword in context (`kwic`)

The keyword-in-context display goes back to Luhn (1960). Case-insensitive, whole-word
matching of a word or phrase (any whitespace between its words), with `window` characters
on each side and whitespace runs shown as one space. The offsets (`start`, `end`) point at
the occurrence in the article text.

## 5. Actors and actions (`actor_actions`, `headline_and_lead`)

Headline and lead summarise a news report and put its main actors first (van Dijk 1988;
Bell 1991), so who is the grammatical actor there, and what they do, is a first clue to the
report's angle. Tags come from NLTK's averaged perceptron tagger (Penn Treebank tag set,
Marcus et al. 1993), computed by `analysis.nlp.tagging` (NLTK's model and decisions, the same
tags, with array arithmetic); the patterns are regular-expression chunking in the manner of Bird
et al. (2009, ch. 7).

- **Verb group**: a modal or finite verb (`MD`, `VBD`, `VBZ`, `VBP`), then any further verbs,
  adverbs and `not`, ending at its last verb: "will sell directly" → `will sell`, "has
  previously blocked", "did not use". A finite verb after a non-auxiliary starts a new group
  ("what it says | is"). In a headline, `to` + verb after a noun also counts ("Zoom to
  Directly Sell": headline future).
- **Noun phrase**: determiners, possessives, adjectives, numbers and nouns ending in a noun,
  joined over `of` ("representatives of several Russian universities"), or a subject pronoun
  standing alone ({subject_pronouns}).
- **Actor–action pair** (`actor_actions`): a noun phrase immediately before a verb group
  (adverbs may stand between: "Zoom still intends"). Not taken as an actor: a noun phrase
  right after a preposition ("in the United States clarified"), or one coordinated inside a
  larger noun phrase ("both the public and private sectors").
- **Main clause** (`headline_and_lead`): the first verb group of the sentence; its actor is
  the noun phrase right before it, or else the first noun phrase before it that does not
  follow a preposition ("Press Secretary of the Russian President Dmitry Peskov on
  Wednesday, April 7, expressed regret").
- **Headlines in Title Case** are tagged with their words lower-cased wherever the article
  body writes them in lower case, because the tagger reads a row of capitals as proper nouns.

**Limits.** The actor is the grammatical subject: in a passive ("this information was
disseminated") it is not the doer, and an agentless passive hides the doer altogether —
worth discussing with students. Subjects separated from their verb by a phrase are missed
by `actor_actions`; pronouns are not resolved (the sources module resolves speakers).

## 6. Hedges and stance markers (`stance_markers`)

Five categories. The hedge and booster lists draw on Hyland's work on hedging and stance
(1998, 2005); the evaluative and distancing categories follow Bednarek's (2006) analysis of
evaluation in newspaper discourse (her parameters of importance, expectedness,
reliability and evidentiality); the loaded reporting verbs follow Caldas-Coulthard's (1994)
distinction between neutral reporting verbs (say, tell) and verbs that interpret the
speaker's act (urge, claim, admit).

{stance_lists}

Extra rules:

- **Modal hedges**: {modal_hedges} count only when tagged as modals (`MD`), so
  "May" the month does not.
- **Loaded verbs** count only when tagged as verbs, so "claims" the noun does not. `said`
  and `told` are the neutral baseline and are not listed.
- **Scare quotes** (`distance`): a quoted stretch of one to four words inside a sentence
  (`"illegal content."`, `"profitable story"`); a sentence that is one whole quotation is
  not a scare quote.
- **Evaluative adjectives** (`evaluative`): words tagged as adjectives (`JJ`, `JJR`, `JJS`)
  that are in Hu and Liu's (2004) opinion lexicon (NLTK `opinion_lexicon`) or in this list
  of evaluative adjectives for importance, expectedness and reliability, which a sentiment
  lexicon lacks: {evaluative_adjectives}.

**Limits.** Hedge and booster lists were built on academic writing; in news, "could" also
reports past ability, and "actually" can be filler. The opinion lexicon was built from
product reviews: some of its words are neutral in news ("free", "ready"). Count markers
per sentence or per 100 words before comparing articles of different lengths.

## 7. Omissions (`omissions`, `omission_table`)

Frames work as much through what a report leaves out as through what it includes (Entman
1993). Candidates of three kinds are collected from both reports and counted in both:

- **entity**: a person, organisation or place found by the entity recogniser
  (`analysis.entities.extract_entities`; dates are left to the number pattern). Each mention
  counts as its `canonical` name, so short forms are linked to the full name in the same
  report ("Peskov" → "Dmitry Peskov", "Zoom" → "Zoom Video Communications", "Putin" →
  "Vladimir Putin"). Short forms are then linked across the two reports the same way (the
  first words of a longer name, or a person's surname), so "Peskov" in one report and
  "Dmitry Peskov" in the other are one item. Last, other names of one place or body are
  merged through a small alias map (`ENTITY_ALIASES`; `entity_key` applies it):
{entity_aliases}

  Entities are counted as mentions (how many times the recogniser found them), and the
  `forms` column lists the spellings that were merged, so a reader can check each merge.
  Adjectives of nationality ("American", "Russian") are not entities and are not mapped.
- **number**: a number with its unit — percentages (`1%`, `5 percent`), amounts (`$5
  million`), years and plain numbers — and dates (`April 7`, `7 April 2021`). A number
  matches only whole: `7` is not found in `17` or `1.7`.
- **noun_phrase**: adjectives followed by nouns, `(JJ)*(NN.*)+`, holding at least one common
  noun, with no proper noun after a common noun ("at the moment Zoom" is not one phrase),
  and not inside one of these fixed expressions: {fixed_expressions}.
  Noun phrases are counted in each text as whole-word, case-insensitive strings; a noun
  phrase that is only an entity's spelling is left to the entity.

Items are lower case. `where` is `only in A`, `in both` or `only in B`; each row carries the
first sentence that holds the item (in A unless the item is only in B) and the item's
offsets there. `omission_table` lays the three groups out side by side (`names=` puts the
outlets in the column headings), and `evidence_html` shows the sentences with the items
highlighted.

**Limits.** A role is not linked to the person who holds it: "the Kremlin spokesman" and
"Peskov" are the same person to a reader and two items here. The recogniser misses some
names and mislabels others (a surname alone, with no full name in either report, is taken
for an organisation). An item reported missing may be paraphrased ("an American service"
against "the U.S. company"). Read the table as a list of leads to check in the texts, not
as a finding.

## 8. Tables and evidence for the notebook

`frame_rule_summary` (the rule set in brief, with the cues that fired), `profile_table`
(frame profile side by side), `top_terms` (the most distinctive terms, with `tied`: how
many terms share that z-score), `actor_table` (who does what, side by side; actors grouped
in lower case without a leading "the/a/an"), `stance_counts` (markers per category and
report), `kwic_terms` (keyword in context for several terms) and `evidence_html`. The last
one escapes every piece of article text (`html.escape`) before it wraps the words of a hit
in `<mark>`, so nothing in an article can become markup in the notebook.

## References

- Bednarek, M. (2006). *Evaluation in Media Discourse: Analysis of a Newspaper Corpus*.
  London: Continuum.
- Bell, A. (1991). *The Language of News Media*. Oxford: Blackwell.
- Bird, S., Klein, E., & Loper, E. (2009). *Natural Language Processing with Python*.
  Sebastopol, CA: O'Reilly.
- Boydstun, A. E., Card, D., Gross, J. H., Resnik, P., & Smith, N. A. (2014). Tracking the
  development of media frames within and across policy issues. Working paper.
- Caldas-Coulthard, C. R. (1994). On reporting reporting: The representation of speech in
  factual and fictional narratives. In M. Coulthard (Ed.), *Advances in Written Text
  Analysis*. London: Routledge.
- Card, D., Boydstun, A. E., Gross, J. H., Resnik, P., & Smith, N. A. (2015). The Media
  Frames Corpus: Annotations of frames across issues. In *Proceedings of ACL-IJCNLP 2015
  (Volume 2: Short Papers)*, 438–444.
- Entman, R. M. (1993). Framing: Toward clarification of a fractured paradigm. *Journal of
  Communication*, 43(4), 51–58.
- Hu, M., & Liu, B. (2004). Mining and summarizing customer reviews. In *Proceedings of the
  Tenth ACM SIGKDD International Conference on Knowledge Discovery and Data Mining*,
  168–177.
- Hyland, K. (1998). *Hedging in Scientific Research Articles*. Amsterdam: John Benjamins.
- Hyland, K. (2005). Stance and engagement: A model of interaction in academic discourse.
  *Discourse Studies*, 7(2), 173–192.
- Luhn, H. P. (1960). Key word-in-context index for technical literature (KWIC index).
  *American Documentation*, 11(4), 288–295.
- Marcus, M. P., Santorini, B., & Marcinkiewicz, M. A. (1993). Building a large annotated
  corpus of English: The Penn Treebank. *Computational Linguistics*, 19(2), 313–330.
- Monroe, B. L., Colaresi, M. P., & Quinn, K. M. (2008). Fightin' words: Lexical feature
  selection and evaluation for identifying the content of political conflict. *Political
  Analysis*, 16(4), 372–403.
- Semetko, H. A., & Valkenburg, P. M. (2000). Framing European politics: A content analysis
  of press and television news. *Journal of Communication*, 50(2), 93–109.
- van Dijk, T. A. (1988). *News as Discourse*. Hillsdale, NJ: Lawrence Erlbaum.
"""
