"""Renderers: the report's blocks plus the resolved style sheet, made into a medium (PDF today)."""
