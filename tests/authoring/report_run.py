"""`python -m guichet verifier` as staff run it (`make verifier`), on a folder of content."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.conftest import BUILD_DATE_EPOCH, ROOT

CLEAN = ROOT / "tests/authoring/fixtures/clean"
FORTY_WORDS = (
    "Pour obtenir votre carte vous devez d'abord remplir la pré-demande en ligne puis "
    "prendre un rendez-vous avec le service de l'état civil de la mairie qui vous "
    "indiquera les pièces à apporter le jour du rendez-vous selon votre situation familiale."
)


def verifier(content, tmp_path, *extra):
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH}
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "guichet",
            "verifier",
            "--content",
            str(content),
            "--rapport",
            str(tmp_path / "rapport"),
            *extra,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result
