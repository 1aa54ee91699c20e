"""Reading the prose like an assessor: the number rules every format shares.

The format plugins know which quantity a phrase restates ("收到申请N件" → table 三, "主动公开…N条" → [active]);
what does not depend on the format lives here, one module a concern, so every format reads numbers the same way:

- **Rounding policy** (:mod:`.percent`, :func:`percent_verdict`): a typed percentage is compared at the precision
  typed, rounded half-up.  A value that is only the *truncated* figure (35/805 = 4.348 % written 4.34 %) is reported
  as a rounding slip (``prose.percent-rounding``, WARNING) in every format; any other difference is a mismatch.
- **Totals with their parts** (:mod:`.partsums`, :func:`parts_not_adding_up`): "共X条，其中A条、B条……" — parts in
  the same unit, in the same sentence, that add up to more than the stated total (``prose.parts-sum``).  Fewer is
  reported only when the list is the whole — its last item the remainder (其他…), or 主动公开/依申请公开/不予公开 —
  since a partial breakdown ("22条，其中线上15条") is common and not wrong; or when two items or more fall short by a
  hair (:data:`NEAR_SHORT_PERCENT`: 937 of 940, 280 of 286, 172 of 181), a list meant as the whole.  The kinds of
  主动公开 listed in a later sentence than its count, closed by 其他…, are the whole too and must add up to that
  count; so are kinds named in a 、-list ("类别主要涉及A、B、C。") and each counted in the next sentence
  ("其中A类N条，……").
  A share given later for one listed part is compared with the stated total (``prose.share-of-total``,
  :mod:`.shares`), a 办结率 with its own counts (``prose.rate``, :mod:`.rates`).  Parts that add up to the total
  exactly but are all counted in another measure word ("处理338宗，其中……229个、……62个、……47个") are
  ``prose.parts-unit`` (:mod:`.partsunit`); a count followed by its kinds with no 其中 ("主动公开政府信息312条，
  重大建设项目类信息280条，……") is ``prose.list-without-qizhong`` (:mod:`.breakdowns`).
- **Restatements** (:mod:`.restatements`, :func:`restatements`): the phrase engine itself.  A format gives a list of
  (pattern, judge) pairs — "收到申请N件" → table 三's 一、本年新收, "当面申请N件" → the legacy channel count … — and
  the engine finds each literal number once (the first pattern that reads it wins; a number printed by a
  ``{reference}`` is never read) and asks the judge what the data says.  Both formats read their prose through it.
- **Shares** (:mod:`.shares`, :func:`shares_over_100`): a list of "占N%" in one sentence — shares of one whole —
  that adds up to more than 100 % beyond what rounding each share at its typed precision allows
  (``prose.shares-total``).
- **Stated frequency** (:mod:`.frequency`, :func:`frequencies_not_met`): a practice said to happen 每月 (每季度,
  每周, 每半年) counted, in the same paragraph, fewer times than the year has months ("每月通报……月通报7次",
  ``prose.frequency``); a sentence saying when it began ("自6月起") is not held to a whole year.
- **Lists** — the marks between the items of one list (:mod:`.separators`, ``common.list-separators``) and a kind
  named twice in one list (:mod:`.doubled`, ``prose.doubled-item``).

What the readers share — sentences, counts with their measure words, the items of a list, a phrase shortened for a
message — is in :mod:`.reading`.  Import from the module that does the work: this package re-exports nothing.

Year slips (:mod:`plugins.common.yearslips`) and the preamble's list of parts (:mod:`plugins.common.partlists`) are
read in modules of their own.
"""
