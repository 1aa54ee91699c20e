"""``python -m compiler`` is the same as the ``gongkai`` command."""

import sys

from compiler.cli import main

sys.exit(main())
