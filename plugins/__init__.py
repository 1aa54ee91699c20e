"""gongkai's built-in plugins: everything that knows what a government information-disclosure report is.

Each module here is a pluggy plugin registered through the ``gongkai`` entry-point group in
``pyproject.toml`` — exactly as a third-party plugin package would be.

- ``common``: parts every format shares — the title and metadata (``[report]``), the preamble, the
  signature, and report-wide checks (placeholders, enumerations, punctuation).
- ``legacy``: the nine-part format of the 2008 条例 era (the seed report, 南江县 2018).
"""
