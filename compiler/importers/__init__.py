"""Importers: published reports (HTML, PDF, DOCX, XLSX) read back into report data — the inverse of rendering.

``base`` defines the two layers: readers here turn a file into a format-independent
:class:`~compiler.importers.base.PublishedDocument` (metadata, paragraphs, table grids, each with its place in
the source); the format plugins recognise parts and official labels through the ``gongkai_import_report``
hook and return TOML-ready data.
"""
