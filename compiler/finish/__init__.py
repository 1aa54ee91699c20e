"""The finished PDF file — everything after the typesetter has made the report's pages.

- :mod:`.assemble` — ``finish_pdf``: appends attachments, keeps and extends the outline, page labels,
  viewer settings, metadata, embedded data, deterministic ``/ID``;
- :mod:`.attachments` — reading and validating ``[[attachments]]`` (PDF pages, PNG/JPEG scans);
- :mod:`.stamp` — overlays: continued page numbers and "附件n" labels, upright on rotated pages;
- :mod:`.metadata` — Info dictionary and XMP;
- :mod:`.embedded` — the source TOML and computed JSON as PDF file attachments; :mod:`.extract` reads
  them back (``gongkai extract``);
- :mod:`.tounicode` — makes characters beyond U+FFFF (𠮷) extract as themselves.

This package's ``__init__`` imports nothing heavy, so ``gongkai check`` can read attachments without
loading pypdf until a PDF is actually attached.
"""
