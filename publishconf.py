"""Settings for the published site: ``make publish`` builds with these."""

import os

from guichet.settings import inherit

globals().update(inherit(os.path.join(os.path.dirname(__file__), "pelicanconf.py")))

SITEURL = ""
"""Root-relative links work on any host name; the public address is GUICHET_PUBLIC_URL."""
DELETE_OUTPUT_DIRECTORY = True

# -- make publish / make rollback (guichet/publish.py) ----------------------------------------
PUBLISH_DIR = "public"
"""Folder nginx serves. Each publish builds beside it and swaps it in by renaming; the previous
version stays in ``public.precedent`` for ``make rollback``. Make variable: PUBLISH_DIR."""
PUBLISH_RSYNC_TARGET = ""
"""Empty: no upload. ``user@host:/var/www/guichet/`` (or a local folder): after each publish and
rollback, ``rsync -a --delete --checksum --delay-updates`` sends only the files that changed.
Make variable: PUBLISH_RSYNC_TARGET."""

# -- precompress: the published site gets brotli's smallest files (plugins/precompress) ---------
GUICHET_PRECOMPRESS_BROTLI_QUALITY = 11
"""The preview build (pelicanconf.py) uses a fast quality; publishing takes the time once."""
