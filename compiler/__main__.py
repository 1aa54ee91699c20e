"""``python -m compiler`` is the same as the ``gongkai`` command."""

import sys

from compiler.cli.commands import main

sys.exit(main())
