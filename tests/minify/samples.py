"""A page the minify tests minify, and a minifier that crashes (test_minify, test_writer)."""

from __future__ import annotations

PAGE = """<!doctype html>
<html lang="fr">
<head>
  <meta charset="utf-8">
  <title>Carte d'identité</title>
  <!-- a comment staff never see -->
</head>
<body>
  <main>
    <p>Le <strong>guichet</strong>
    <a href="/guichets/mairie/">ouvre</a> à <em>8h30</em>.</p>
    <pre>  lundi    8h30-12h00
  mardi\t9h00</pre>
    <textarea name="t">  deux  espaces
</textarea>
  </main>
</body>
</html>
"""


def fails(text: str) -> str:
    raise RuntimeError("minifier crashed")
