"""The finished PDF file — everything after the typesetter has made the report's pages.

- :mod:`.assemble` — ``plan_finish``: what is added when the renderer saves (through :mod:`.catalog`: page
  labels, viewer settings, XMP, embedded data) and, when there are attachments, the pages appended after it
  (pypdf: the attachments, then the 版记 page if the report has one), the extended outline and the deterministic
  ``/ID``;
- :mod:`.catalog` — those document-level entries, written with ReportLab's public API;
- the attachments themselves are read and validated by :mod:`compiler.files.attachments`;
- :mod:`.stamp` — overlays: continued page numbers and "附件n" labels, upright on rotated pages; the 版记 page;
  :mod:`.subsets` keeps their font subsets' names apart from the report's;
- :mod:`.metadata` — XMP (the renderer writes the Info dictionary);
- :mod:`.embedded` — the source TOML and computed JSON as PDF file attachments; :mod:`.extract` reads
  them back (``gongkai extract``);
- :mod:`.tounicode` — makes characters beyond U+FFFF (𠮷) extract as themselves.

This package's ``__init__`` imports nothing heavy, and pypdf is imported only when a PDF is attached (or
``extract`` reads one), so neither ``gongkai check`` nor a build without attachments loads it.
"""
