"""Write a synthetic town twice: as Guichet content and as plain Pelican content, same bodies.

``python -m bench.make_town DEST --procedures 1000 --counters 5 --photos 200 --seed 2026`` gives::

    DEST/photos/                                     the camera JPEGs, made once
    DEST/guichet/{demarches,guichets,pages,images}   Guichet's content model
    DEST/pelican/{demarches,guichets,pages,images}   articles (Title, Date, Slug, Summary,
                                                     Category) and pages (counters, legal pages)

``images/`` holds hard links to ``photos/``.

Deterministic: the same arguments give the same bytes. Photos are kept between calls when
``DEST/town.json`` says they were made with the same seed and size (they are the slow part).
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

from bench import french
from bench.photos import CAMERA_SIZE, camera_jpeg
from guichet.atomic import write_atomically
from guichet.importers.words import slugify

ROOT = Path(__file__).resolve().parent.parent
TOWN = "Val-d'Aurore"
POSTCODE = "12340"
THEMES = ["papiers", "etat-civil", "elections", "enfance", "urbanisme", "social", "cimetiere"]
"""Keys of GUICHET_THEMES in pelicanconf.py."""
MAIN_COUNTER = "mairie"
"""GUICHET_MAIN_COUNTER: the home page shows it, so it must exist."""
COUNTER_NAMES = [
    ("mairie", "Mairie de Val-d'Aurore"),
    ("mairie-annexe", "Mairie annexe des Pradets"),
    ("ccas", "Centre communal d'action sociale"),
    ("services-techniques", "Services techniques"),
    ("urbanisme", "Service urbanisme"),
    ("mediatheque", "Médiathèque"),
    ("police-municipale", "Police municipale"),
    ("maison-des-associations", "Maison des associations"),
]
HOURS = [
    ["du lundi au vendredi : 8h30-12h00, 13h30-17h30", "samedi : 9h-12h"],
    ["lundi : 8h30-12h00", "du mardi au vendredi : 9h-12h, 14h-17h"],
    ["du lundi au jeudi : 8h-12h, 13h30-17h", "vendredi : 8h-12h"],
]
VERIFIED_FROM = (2026, 1)
"""Procedures are verified in 2026, before the build date the tests use (2026-11-24)."""


@dataclass
class Town:
    procedures: int
    counters: int
    photos: int
    seed: int
    photo_size: tuple[int, int]
    slugs: list[str]
    """Procedure slugs, in the order they were made."""
    photo_bytes: int


def make_town(
    dest: Path,
    procedures: int = 1000,
    counters: int = 5,
    photos: int = 200,
    seed: int = 2026,
    photo_size: tuple[int, int] = CAMERA_SIZE,
    words: int = 650,
) -> Town:
    """Write the town under ``dest`` (its ``guichet/`` and ``pelican/`` folders are replaced)."""
    if not 1 <= counters <= len(COUNTER_NAMES):
        raise ValueError(f"counters must be between 1 and {len(COUNTER_NAMES)}")
    dest = Path(dest)
    guichet, pelican = dest / "guichet", dest / "pelican"
    photo_bytes = _photos(dest, photos, seed, photo_size)
    for tree in (guichet, pelican):
        for sub in ("demarches", "guichets", "pages"):
            shutil.rmtree(tree / sub, ignore_errors=True)
            (tree / sub).mkdir(parents=True)
    for tree in (guichet, pelican):
        _link_photos(dest / "photos", tree / "images")

    rng = random.Random(seed)
    counter_slugs = [slug for slug, _ in COUNTER_NAMES[:counters]]
    for index, (slug, name) in enumerate(COUNTER_NAMES[:counters]):
        _write_counter(guichet, pelican, rng, index, slug, name)
    for page in sorted((ROOT / "content" / "pages").glob("*.md")):
        shutil.copyfile(page, guichet / "pages" / page.name)
        shutil.copyfile(page, pelican / "pages" / page.name)

    slugs: list[str] = []
    titles: set[str] = set()
    for index in range(procedures):
        title = french.title(rng)
        while title in titles:
            title = f"{title} ({len(titles)})"
        titles.add(title)
        slug = f"{slugify(title, 33)}-{index}"
        slugs.append(slug)
        photo = None
        if photos:
            number = index % photos
            alt = f"Photo {number + 1} du guichet : façade, entrée et panneau d'information."
            photo = (f"{{static}}/images/photo-{number:04d}.jpg", alt)
        counter = counter_slugs[index % counters]
        _write_procedure(guichet, pelican, rng, index, slug, title, counter, photo, words)
    town = Town(procedures, counters, photos, seed, photo_size, slugs, photo_bytes)
    (dest / "town.json").write_text(json.dumps(asdict(town), indent=1), encoding="utf-8")
    return town


def _photos(dest: Path, count: int, seed: int, size: tuple[int, int]) -> int:
    """Make (or keep) ``dest/photos/photo-NNNN.jpg``; return their total size in bytes."""
    folder = dest / "photos"
    stamp = folder / ".made"
    wanted = json.dumps({"seed": seed, "size": list(size)})
    if not (stamp.exists() and stamp.read_text() == wanted):
        shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("photo-*.jpg"):
        if int(old.stem.split("-")[1]) >= count:
            old.unlink()
    for number in range(count):
        path = folder / f"photo-{number:04d}.jpg"
        if not path.exists():
            write_atomically(path, camera_jpeg(seed * 100_000 + number, size), 0o644)
    stamp.write_text(wanted)
    return sum(p.stat().st_size for p in folder.glob("photo-*.jpg"))


def _link_photos(photos: Path, images: Path) -> None:
    """Hard links (real files for every walker, no extra disk); a copy across devices."""
    if images.is_symlink():
        images.unlink()
    shutil.rmtree(images, ignore_errors=True)
    images.mkdir(parents=True)
    for photo in sorted(photos.glob("photo-*.jpg")):
        try:
            (images / photo.name).hardlink_to(photo)
        except OSError:
            shutil.copyfile(photo, images / photo.name)


def _write_counter(guichet: Path, pelican: Path, rng, index: int, slug: str, name: str) -> None:
    street = f"{rng.randint(1, 40)} {rng.choice(['rue', 'place', 'avenue'])} de la République"
    phone = f"05 65 {rng.randint(10, 99)} {rng.randint(10, 99)} {index:02d}"
    hours = HOURS[index % len(HOURS)]
    meta = [
        f"Titre: {name}",
        f"Adresse: {street}",
        f"    {POSTCODE} {TOWN}",
        f"Telephone: {phone}",
        f"Courriel: {slug}@val-daurore.example",
        f"Horaires: {hours[0]}",
        *(f"    {line}" for line in hours[1:]),
        "Fermetures: 24/12/2026 au 02/01/2027 : congés de fin d'année",
        "Acces: Entrée de plain-pied.",
        "    Places de parking réservées devant le bâtiment.",
    ]
    text = "Prenez rendez-vous par téléphone pour les dossiers longs.\n"
    (guichet / "guichets" / f"{slug}.md").write_text(
        "\n".join(meta) + "\n\n" + text, encoding="utf-8"
    )
    plain = [
        f"Title: {name}",
        f"Slug: {slug}",
        f"Summary: {street}, {POSTCODE} {TOWN}. Téléphone : {phone}.",
        "",
        f"{street}  \n{POSTCODE} {TOWN}",
        "",
        f"Téléphone : {phone}",
        "",
        *(f"- {line}" for line in hours),
        "",
        text,
    ]
    (pelican / "guichets" / f"{slug}.md").write_text("\n".join(plain), encoding="utf-8")


def _write_procedure(guichet, pelican, rng, index, slug, title, counter, photo, words) -> None:
    theme = THEMES[index % len(THEMES)]
    year, month = VERIFIED_FROM
    verified = f"{year}-{month + rng.randint(0, 9):02d}-{rng.randint(1, 28):02d}"
    summary = french.summary(rng, title)
    body = french.body(rng, TOWN, words, photo)
    meta = [
        f"Titre: {title}",
        f"Resume: {summary}",
        f"Theme: {theme}",
        f"Guichets: {counter}",
        f"Cout: {rng.choice(french.COSTS)}",
        f"Delai: {rng.choice(french.DELAYS)}",
        f"Verifie-le: {verified}",
    ]
    if index % 7 == 0:
        meta.append("Service-en-ligne: https://www.service-public.fr/")
    if index < 6:
        meta.append("Populaire: oui")
    (guichet / "demarches" / f"{slug}.md").write_text(
        "\n".join(meta) + "\n\n" + body, encoding="utf-8"
    )
    plain = [
        f"Title: {title}",
        f"Date: {verified}",
        f"Slug: {slug}",
        f"Summary: {summary}",
        f"Category: {theme}",
    ]
    (pelican / "demarches" / f"{slug}.md").write_text(
        "\n".join(plain) + "\n\n" + body, encoding="utf-8"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write a synthetic town for benchmarks.")
    parser.add_argument("dest", type=Path)
    parser.add_argument("--procedures", type=int, default=1000)
    parser.add_argument("--counters", type=int, default=5)
    parser.add_argument("--photos", type=int, default=200)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    town = make_town(args.dest, args.procedures, args.counters, args.photos, args.seed)
    print(f"{town.procedures} procedures, {town.photos} photos ({town.photo_bytes} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
