import sys

from guichet.cli import main

sys.exit(main())
