"""Pages with scripts or outside resources, with what the production scanner must find in
each: used by tests/checks/test_scan.py, tests/publish/test_swap.py, and
tests/checks/test_parser_agreement.py (both parsers read them alike)."""

from __future__ import annotations

RESOURCES = [
    ('<img src="https://x.example/a.jpg" alt="">', [("<img src>", "https://x.example/a.jpg")]),
    (
        '<img srcset="/a-320.jpg 320w, //x.example/b.jpg 640w" src="/a.jpg" alt="">',
        [
            ("<img src>", "/a.jpg"),
            ("<img srcset>", "/a-320.jpg"),
            ("<img srcset>", "//x.example/b.jpg"),
        ],
    ),
    ('<link rel="stylesheet" href="/s.css">', [("<link rel=stylesheet>", "/s.css")]),
    (
        '<link rel="icon" href="https://x.example/f.ico">',
        [("<link rel=icon>", "https://x.example/f.ico")],
    ),
    ('<link rel="canonical" href="https://x.example/">', []),
    ('<a href="https://service-public.fr/">Service public</a>', []),
    (
        '<video poster="https://x.example/p.jpg"></video>',
        [("<video poster>", "https://x.example/p.jpg")],
    ),
    ('<form action="https://x.example/f"></form>', [("<form action>", "https://x.example/f")]),
    (
        '<p style="background:url(https://x.example/b.png)">',
        [("<p style>", "https://x.example/b.png")],
    ),
    (
        "<style>p{background:url(//x.example/b.png)}</style>",
        [("<style> url()", "//x.example/b.png")],
    ),
    (
        '<iframe src="https://x.example/map"></iframe>',
        [("<iframe src>", "https://x.example/map")],
    ),
    ('<a href="/" ping="https://x.example/p">x</a>', [("<a ping>", "https://x.example/p")]),
    ('<base href="https://x.example/">', [("<base href>", "https://x.example/")]),
    (
        '<iframe srcdoc="<img src=https://x.example/p.gif>"></iframe>',
        [("<img src>", "https://x.example/p.gif")],
    ),
]
"""``(html, expected)``: the resources a page loads, as ``(where, url)``."""

SCRIPTS = [
    ("<p>Bonjour</p>", 0, [], []),
    ("<script>alert(1)</script>", 1, [], []),
    ('<script src="/a.js"></script><SCRIPT>x</SCRIPT>', 2, [], []),
    (
        '<body onload="x()"><img src=a onerror=b alt="">',
        0,
        ["<body onload>", "<img onerror>"],
        [],
    ),
    ('<a href="javascript:alert(1)">x</a>', 0, [], ["<a href>"]),
    ('<form action=" javascript:x"></form>', 0, [], ["<form action>"]),
    ("<p>javascript: le mot, pas un lien</p>", 0, [], []),
    ('<iframe srcdoc="<script>x()</script>"></iframe>', 1, [], []),
    # browsers end a comment at "<!-->" and "--!>": what follows runs
    ("<p>a<!--><script>x()</script>-->", 1, [], []),
    ("<p>a<!-- b --!><script>x()</script>-->", 1, [], []),
    ("<svg><script>x()</script></svg>", 1, [], []),
]
"""``(html, scripts, handlers, javascript_urls)``: what in a page would run."""

UNSAFE_PAGES = [
    ("<p>ok</p>", []),
    ("<script>alert(1)</script>", ["<script>"]),
    ('<script src="/x.js"></script>', ["<script>"]),
    ('<body onload="x()">', ["un attribut <body onload>"]),
    ('<a href=" JavaScript:x()">x</a>', ["une adresse javascript: (<a href>)"]),
    # browsers end a comment at "<!-->" and "--!>": the script after it runs
    ("<p>a<!--><script>x()</script>-->", ["<script>"]),
    ("<p>a<!-- b --!><script>x()</script>-->", ["<script>"]),
]
"""``(page, found)``: what publish refuses in a page."""
