"""Guichet settings for the bundled sample town (development build).

Every setting Guichet adds is documented here with its default. ``publishconf.py`` overrides
what changes for the published site.
"""

import os

_HERE = os.path.dirname(os.path.abspath(__file__))
"""Theme and plugins are found from this file, whichever settings file imports it."""

# -- The town ---------------------------------------------------------------------------------
SITENAME = "Mairie de Val-d'Aurore"
GUICHET_TOWN = "Val-d'Aurore"
AUTHOR = "Mairie de Val-d'Aurore"
SITEURL = ""
GUICHET_PUBLIC_URL = "https://www.val-daurore.fr"
"""Written out in full on printed flyers (no scheme shown), so residents can type it."""
GUICHET_MAIN_COUNTER = "mairie"
"""Counter shown on the home page as the way to reach the town hall without internet."""
GUICHET_ACCESSIBILITY_STATUS = "partiellement conforme"
"""RGAA mention on every page: « totalement », « partiellement » or « non conforme »."""

GUICHET_THEMES = {
    "papiers": "Papiers d'identité",
    "etat-civil": "État civil et famille",
    "elections": "Élections",
    "enfance": "Enfance et école",
    "urbanisme": "Urbanisme et logement",
    "social": "Solidarité",
    "cimetiere": "Cimetière",
}
"""Theme key (written in a procedure's ``Theme`` field) → label; the order is the menu's."""

GUICHET_STALE_MONTHS = 12
"""A procedure verified longer ago than this is a warning (« à revoir »)."""
GUICHET_TODAY = None
"""Date the site is built for (``2026-11-24``); None means SOURCE_DATE_EPOCH or today."""

# -- Pelican basics ---------------------------------------------------------------------------
PATH = "content"
OUTPUT_PATH = "output"
THEME = os.path.join(_HERE, "theme")
TIMEZONE = "Europe/Paris"
DEFAULT_LANG = "fr"
DEFAULT_DATE_FORMAT = "%Y-%m-%d"
SLUGIFY_SOURCE = "basename"
JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}
"""Autoescape: text from metadata is always escaped; HTML bodies are marked ``|safe``."""

MARKDOWN = {
    "extension_configs": {
        "markdown.extensions.extra": {},
        "markdown.extensions.meta": {},
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}

PLUGIN_PATHS = [os.path.join(_HERE, "plugins")]
PLUGINS = ["procedures", "print"]

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
CHECK_MODIFIED_METHOD = "md5"

# -- Content types and URLs (fixed: they are printed on paper) ------------------------------
ARTICLE_PATHS = ["actualites"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = []
COUNTER_PATHS = ["guichets"]
PROCEDURE_PATHS = ["demarches"]

PROCEDURE_URL = "demarches/{slug}/"
PROCEDURE_SAVE_AS = "demarches/{slug}/index.html"
PROCEDURE_FLYER_URL = "demarches/{slug}/fiche/"
PROCEDURE_FLYER_SAVE_AS = "demarches/{slug}/fiche/index.html"
PROCEDURE_PDF_URL = "demarches/{slug}/fiche.pdf"
PROCEDURE_PDF_SAVE_AS = "demarches/{slug}/fiche.pdf"
PROCEDURES_INDEX_URL = "demarches/"
PROCEDURES_INDEX_SAVE_AS = "demarches/index.html"
PROCEDURES_AZ_URL = "demarches/a-z/"
PROCEDURES_AZ_SAVE_AS = "demarches/a-z/index.html"
COUNTER_URL = "guichets/{slug}/"
COUNTER_SAVE_AS = "guichets/{slug}/index.html"
COUNTERS_INDEX_URL = "guichets/"
COUNTERS_INDEX_SAVE_AS = "guichets/index.html"
THEME_URL = "themes/{slug}/"
THEME_SAVE_AS = "themes/{slug}/index.html"
GUICHET_RESERVED_SLUGS = ["a-z", "fiche", "fiches", "index", "themes", "images", "theme"]

PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
ARTICLE_URL = "actualites/{slug}/"
ARTICLE_SAVE_AS = "actualites/{slug}/index.html"

DIRECT_TEMPLATES = ["index", "plan_du_site", "404"]
PLAN_DU_SITE_URL = "plan-du-site/"
PLAN_DU_SITE_SAVE_AS = "plan-du-site/index.html"

# Nothing Pelican would add on its own: no feeds, tags, categories, authors, archives, and no
# list of every page on every page (it makes the build quadratic).
DISPLAY_PAGES_ON_MENU = False
DISPLAY_CATEGORIES_ON_MENU = False
DEFAULT_PAGINATION = False
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TAG_SAVE_AS = ""
TAGS_SAVE_AS = ""
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
ARCHIVES_SAVE_AS = ""
DRAFT_SAVE_AS = ""
DRAFT_PAGE_SAVE_AS = ""
THEME_STATIC_DIR = "theme"
THEME_STATIC_PATHS = ["static"]
DELETE_OUTPUT_DIRECTORY = False

# -- print: one-page A4 flyers as PDF (plugins/print) ----------------------------------------
PRINT_BOOKLET_URL = "demarches/fiches.pdf"
PRINT_BOOKLET_SAVE_AS = "demarches/fiches.pdf"
"""Every flyer in one PDF, one page each, in GUICHET_THEMES order (the counter's binder).
Flyers themselves go to PROCEDURE_PDF_SAVE_AS; PDFs are cached in CACHE_PATH/print/."""
