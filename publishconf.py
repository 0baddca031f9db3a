"""Settings for the published site: ``make publish`` builds with these."""

import os
import sys

sys.path.append(os.curdir)
from pelicanconf import *  # noqa: F403

SITEURL = ""
"""Root-relative links work on any host name; the public address is GUICHET_PUBLIC_URL."""
DELETE_OUTPUT_DIRECTORY = True
