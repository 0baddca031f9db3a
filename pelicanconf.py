"""Guichet settings for the bundled sample town (development build).

Every setting Guichet adds is documented here with its default, the one its plugin's
``settings.py`` declares (tests/settings/test_keys.py compares them). ``publishconf.py``
overrides what changes for the published site. When the build starts, an unknown
``GUICHET_*``, ``IMAGES_*``, ``PRINT_*``, ``SANITIZE_*`` or ``PUBLISH_*`` name is a warning
naming the closest known one, and a value of the wrong type an error (guichet/keys.py).
"""

import os

_HERE = os.path.dirname(os.path.abspath(__file__))
"""Theme and plugins are found from this file, whichever settings file imports it."""

# -- The town: content/commune.md (plugins/town) ------------------------------------------------
# Staff write the town's name, public address, main counter, accessibility status and themes in
# content/commune.md; the town plugin reads it when the build starts and fills SITENAME, AUTHOR,
# GUICHET_TOWN, GUICHET_PUBLIC_URL, GUICHET_MAIN_COUNTER, GUICHET_ACCESSIBILITY_STATUS and
# GUICHET_THEMES (key → label, in the menus' order). Do not set them here.
SITEURL = ""
GUICHET_TOWN_FILE = "commune.md"
"""The town's file, inside the content folder (PATH)."""
GUICHET_TOWN_FALLBACK = os.path.join(_HERE, "content", "commune.md")
"""Read when a content folder has no town file of its own (tests, benchmarks): the sample town
(default: None, no fallback)."""

GUICHET_STALE_MONTHS = 12
"""A procedure verified longer ago than this is a warning (« à revoir »)."""
GUICHET_STALE_SOON_DAYS = 30
"""``make verifier`` also lists the procedures that will be « à revoir » within this many days."""
GUICHET_TODAY = None
"""Date the site is built for (``2026-11-24``); None means SOURCE_DATE_EPOCH or today."""

# -- Notices: a banner on every page (plugins/notices) ----------------------------------------
GUICHET_NOTICES_PATH = "avis"
"""Folder of content/ holding the notices (one file each: Texte, Debut, Fin, Lien)."""
GUICHET_NOTICE_CLOSURE_DAYS = 14
"""The main counter's exceptional closures starting within this many days are in the banner."""

# -- Content report (`make verifier`, guichet/report) -------------------------------------------
GUICHET_SENTENCE_MAX_WORDS = 25
"""A sentence longer than this is quoted in the report, with its line (FALC: short sentences)."""
GUICHET_PARAGRAPH_MAX_WORDS = 60
"""A paragraph longer than this is flagged: cut it, or make it a list."""
GUICHET_READABILITY_MIN = 60
"""A procedure whose Kandel–Moles score is below this is flagged (60: « standard »)."""

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
        "markdown.extensions.sane_lists": {},
    },
    "output_format": "html5",
}
"""The body's Markdown. The header (``Champ: valeur``) is read by guichet/header.py, not by the
Meta extension: any indentation continues a value, blank lines are allowed, names match without
case or accents, and every mistake is an error with its line (docs/content-model.md)."""

from guichet.reader import FieldsReader  # noqa: E402

READERS = {"md": FieldsReader}
"""Every Markdown file (counters, procedures, pages, articles) goes through Guichet's reader."""
GUICHET_MAX_FILE_BYTES = 200_000
"""A content file larger than this is refused at once, with a French message (a procedure is a
few KB; 200 KB is about 40 printed pages of text)."""
GUICHET_EXTRA_FIELDS = ()
"""Header field names (lowercase, no accents) of pages and articles beyond Pelican's own and
``Titre``/``Resume``: after a blank line in the header, only known names continue it."""

PLUGINS = [
    "guichet_plugins.town",
    "guichet_plugins.procedures",
    "guichet_plugins.notices",
    "guichet_plugins.sanitize",
    "guichet_plugins.documents",
    "guichet_plugins.images",
    "guichet_plugins.opendata",
    "guichet_plugins.print",
    "guichet_plugins.minify",
    "guichet_plugins.precompress",
    "guichet_plugins.checks",
]
"""``opendata`` sets each counter's link to its closures (iCalendar) before ``print`` lays out
the flyers and pages are written; it writes /donnees/, the .ics files, sitemap.xml and
robots.txt."""

CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CACHE_PATH = "cache"
IGNORE_FILES = [".*"]
"""Hidden files are not content: an editor's lock (Emacs writes ``.#passeport.md`` while a file
has unsaved changes), a draft put aside (``.brouillon.md``). Pelican's default, ``**/.*``, is
matched against file names without their folder, so it never matched one."""
CHECK_MODIFIED_METHOD = "md5"

# -- Content types and URLs (fixed: they are printed on paper) ------------------------------
ARTICLE_PATHS = []
"""No news: a procedure portal tells what is true now, and the dated things residents must know
(a closure, a strike, an election day) are notices (GUICHET_NOTICES_PATH), which disappear by
themselves. Markdown files left in a folder below are refused with a message pointing there."""
GUICHET_UNPUBLISHED_NEWS_PATHS = ["actualites"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["documents"]
"""content/documents/: forms and leaflets, copied as they are (plugins/documents checks them)."""
DOCUMENTS_PATH = "documents"
"""Folder of content/ holding the documents; published under the same name (/documents/x.pdf)."""
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
ARTICLE_SAVE_AS = ""

DIRECT_TEMPLATES = ["index", "plan_du_site", "404"]
PLAN_DU_SITE_URL = "plan-du-site/"
PLAN_DU_SITE_SAVE_AS = "plan-du-site/index.html"

GUICHET_READ_WORKERS = None
"""Processes converting Markdown in parallel on a cold build (plugins/procedures/prefetch.py);
None: one per core; 1: none, Pelican's own one-file-after-another reading."""

# -- Long lists: a large town's list pages stay within the first-view budget -----------------
GUICHET_LIST_SPLIT = 80
"""Most procedures a list page shows with their summaries: ~60 B gzip each in the sample town's
French, up to ~140 B with a 200-character summary, so 80 stay under GUICHET_BUDGET_FIRST_VIEW_BYTES
with the page and its stylesheet (~2.5 KB). A town with more procedures than this gets:
A–Z cut by initial letter (/demarches/a-z/ becomes a letter index, PROCEDURES_AZ_LETTER_URL);
the site map lists themes and letters instead of every procedure; /demarches/ shows
GUICHET_LIST_PREVIEW procedures per theme with a link to the theme page. Any list (a theme, a
letter) longer than this is cut into numbered parts: ``themes/papiers/``, ``themes/papiers/2/``…"""
GUICHET_LIST_PREVIEW = 5
"""Procedures shown per theme on /demarches/ in a large town: the popular ones, then the first."""
PROCEDURES_AZ_LETTER_URL = "demarches/a-z/{letter}/"
PROCEDURES_AZ_LETTER_SAVE_AS = "demarches/a-z/{letter}/index.html"
"""A large town's A–Z page of one letter (``a`` … ``z``, ``0-9`` for other initials)."""
COUNTER_PROCEDURES_URL = "guichets/{slug}/demarches/"
COUNTER_PROCEDURES_SAVE_AS = "guichets/{slug}/demarches/index.html"
"""The procedures of a counter that handles more than GUICHET_LIST_SPLIT (its page links there)."""

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

# -- Weight: minify, precompress, budgets (plugins minify, precompress, checks) ---------------
GUICHET_MINIFY = True
"""Minify every HTML page (minify-html) and stylesheet (rcssmin) written to the output."""
GUICHET_STYLESHEET = "inline"
"""How pages get the theme's stylesheet: ``inline`` writes it into each page (one round trip,
allowed by its hash in the CSP: tools/csp-hash.py); ``split`` inlines only the critical part;
``link`` links theme/css/guichet.css."""
GUICHET_PRECOMPRESS = True
"""Write ``file.gz`` (and ``file.br``) beside each text file, for nginx ``gzip_static``."""
GUICHET_PRECOMPRESS_BROTLI = True
"""Also write ``file.br`` (nginx ``brotli_static``: Debian libnginx-mod-http-brotli-static)."""
GUICHET_PRECOMPRESS_BROTLI_QUALITY = 5
"""Brotli quality (0–11), 5 by default (the preview build): 11 costs ~13 ms per page (24 s of
CPU for a town of 1,000 procedures, 6× plain Pelican's whole build) for ~8 % fewer bytes than 5
(~0.25 ms per page, still smaller than gzip -9). publishconf.py sets 11: the published site gets
the smallest files."""
GUICHET_PRECOMPRESS_MIN_BYTES = 256
"""Smaller files are served uncompressed (and any old ``.gz``/``.br`` of them is removed)."""
GUICHET_PRECOMPRESS_EXTENSIONS = [".html", ".css", ".xml", ".txt", ".svg", ".json", ".csv", ".ics"]
"""Text files to precompress."""
GUICHET_BUDGET_FIRST_VIEW_BYTES = 14_600
"""First view of a page: its HTML + the stylesheets it links, gzip, at most (10 × 1460 B)."""
GUICHET_BUDGET_IMAGE_BYTES = 40_000
"""The version of each image a 360 px wide screen loads (srcset), at most."""
GUICHET_BUDGET_IMAGE_WIDTH = 360
"""Screen width (px) at which GUICHET_BUDGET_IMAGE_BYTES is checked."""

# -- sanitize: HTML written in Markdown (plugins/sanitize) ---------------------------------
SANITIZE_FAIL = False
"""False: HTML that is not allowed (script, frame, form, remote image…) is removed with a warning.
True: the build stops instead, listing every file and what would have been removed."""

# -- Images (plugins/images; docs/images.md) ------------------------------------------------
IMAGES_WIDTHS = (360, 640, 960)
"""Widths (px) of the derivatives of each image; never wider than the source."""
IMAGES_DISPLAY_WIDTH = 640
"""Width of the text column: the ``src`` of browsers that ignore ``srcset``."""
IMAGES_SIZES = "(max-width: 42em) calc(100vw - 2em), 40em"
"""``sizes`` of every content image: the column of theme/static/css/guichet.css."""
IMAGES_JPEG_QUALITY = 72
"""JPEG quality (progressive, optimised, 4:2:0)."""
IMAGES_WEBP = True
"""Also offer WebP in a ``<picture>`` (JPEG stays the fallback): about half the bytes."""
IMAGES_WEBP_QUALITY = 70
"""WebP quality: about the PSNR of JPEG 72 on the sample photos (measured in docs/images.md)."""
IMAGES_LOWTECH = False
"""Dithered four-grey images with a link to the colour one (Low-tech Magazine style)."""
IMAGES_MAX_PIXELS = 50_000_000
"""Larger images are refused (decompression bombs); a 12 MP phone photo is far below."""
IMAGES_SOURCE_DIR = "images"
"""Folder of content/ holding the images pages refer to; originals are never published."""
IMAGES_OUTPUT_DIR = "images"
"""Folder of the output holding the derivatives."""
IMAGES_WORKERS = None
"""Processes decoding images in parallel; None: one per core."""
IMAGES_PROGRESS_FROM = 20
"""Above this many images to process, show a progress line on the terminal."""

# -- print: one-page A4 flyers as PDF (plugins/print) ----------------------------------------
PRINT_BOOKLET_URL = "demarches/fiches.pdf"
PRINT_BOOKLET_SAVE_AS = "demarches/fiches.pdf"
"""Every flyer in one PDF, one page each, in GUICHET_THEMES order (the counter's binder).
Flyers themselves go to PROCEDURE_PDF_SAVE_AS; PDFs are cached in CACHE_PATH/print/."""
PRINT_WORKERS = None
"""Processes laying flyers out in parallel; None: one per core."""

# -- Imports from service-public.fr (guichet/importers; docs/guide-redaction.md) --------------
GUICHET_IMPORT_PIVOTS = {
    "mairie": ["mairie"],
    "ccas": ["ccas"],
    "mairie_annexe": ["mairie-annexe"],
}
"""« Où s'adresser » of a fiche (its ``PivotLocal``, e.g. ``mairie``, ``cpam``) → the town's
counter(s). A pivot listed nowhere, or pointing to a counter that does not exist, is cited in
the text; a fiche none of whose pivots gives a counter gets GUICHET_MAIN_COUNTER."""
GUICHET_IMPORT_THEMES = {  # the sample town's; default {}: every fiche gets the default theme
    "N19810": "papiers",
    "Papiers - Citoyenneté - Élections": "papiers",
    "Papiers - Citoyenneté": "papiers",
    "Famille - Scolarité": "etat-civil",
    "Famille": "etat-civil",
    "Logement": "urbanisme",
    "Social - Santé": "social",
}
"""A fiche's ``Theme`` (its ID or title) or ``dc:subject`` → theme key (compared without case or
accents). ``--theme`` wins; a fiche matching none gets GUICHET_IMPORT_DEFAULT_THEME."""
GUICHET_IMPORT_DEFAULT_THEME = None
"""Theme of a fiche whose theme maps to none of GUICHET_THEMES; None: the first theme."""

# -- Open data out (plugins/opendata; defaults in plugins/opendata/settings.py) --------------
GUICHET_OPENDATA = True
"""Write /donnees/demarches.json|csv, /donnees/guichets.json|csv (with their schemas), each
counter's closures as iCalendar, /sitemap.xml and /robots.txt. Links in them use
GUICHET_PUBLIC_URL."""
GUICHET_OPENDATA_DIR = "donnees"
GUICHET_OPENDATA_LICENCE = "Licence Ouverte 2.0 (Etalab)"
GUICHET_OPENDATA_LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
"""Licence written in every data file (and its schema)."""
GUICHET_CLOSURES_ICS_SAVE_AS = "guichets/{slug}/fermetures.ics"
"""A counter's exceptional closures (RFC 5545), linked « Ajouter à mon agenda » on its page."""
GUICHET_SITEMAP = True
GUICHET_ROBOTS = True
