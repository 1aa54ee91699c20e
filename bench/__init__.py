"""``python -m bench`` (``make bench``): how fast gongkai builds, measured the way users run it.

Figures for the seed example, the 2021-format example, synthetic reports 10× and 100× the seed's length and a
batch of reports: wall time (median of fresh processes, "cold"; and in one process after a first build,
"warm"), CPU time, peak resident memory and PDF size.  The table is printed; the figures, the targets of
issue 6 and the machine go to ``bench/results/`` as JSON.  See :mod:`bench.__main__` for the options.
"""
