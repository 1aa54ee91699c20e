"""A local plugin file that fails when imported."""

raise ImportError("missing dependency")
