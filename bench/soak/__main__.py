"""python -m bench.soak: see bench/soak/__init__.py."""

import sys

from bench.soak.cli import main

sys.exit(main())
