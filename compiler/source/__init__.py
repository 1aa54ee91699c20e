"""Reading the source: a TOML file becomes data with a key path → line map, cleaned and bounded.

``tomlsource`` (parse, remember where every key is), ``limits`` (size and depth limits), ``hygiene``
(half-width punctuation, invisible characters, stray spaces), ``tomlliterals`` and ``fmt`` (``gongkai fmt``:
edit string literals in place).
"""
