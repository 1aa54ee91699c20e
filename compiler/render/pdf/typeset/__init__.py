"""The layout engine: Chinese line breaking (``linebreak``), grid paragraphs, tables with spans and vertical
labels, fonts and their fallback chains, the GB/T 9704 page and titles broken by meaning — blocks in,
ReportLab flowables and pages out (``blocks`` and ``render``)."""
