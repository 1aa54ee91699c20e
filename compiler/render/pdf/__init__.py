"""The PDF renderer: ``typeset`` lays the blocks out on GB/T 9704 pages (the project's own layout engine on
ReportLab's public API); ``finish`` binds attachments and writes the document-level parts (outline, page
labels, metadata, embedded source).  ``renderer`` is the entry point the pipeline calls."""
