"""Files gongkai reads and writes on its own behalf: the shipped data folders (``resources``), the user cache
(``cache``) and outputs written atomically, never over an input (``output``)."""
