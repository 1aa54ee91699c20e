"""The report model: what a report *is*, independent of any medium.

``report`` (a loaded, validated report and its sections in order), ``schema`` (how section plugins declare
their keys), ``sections`` (SectionType and the context a section plugin works in), ``formats`` (a format's
parts in order), ``refs`` (``{references}`` in prose), ``narrative`` and ``numbering`` (paragraphs, items,
一、（一）1.（1）and 一是), ``document`` (the Blocks that sections return and every renderer consumes) and
``problems`` (Problem, severity, de-duplication).  Nothing here draws anything.
"""
