"""Sections and checks shared by every report format."""
