"""A French syllable counter for readability scores: spoken syllables, by rule, no dictionary.

Convention (decided for Guichet, and the one the hand-counted tests follow): we count the
syllables of **ordinary spoken French**, not of classical verse. The *e muet* at the end of a
word is silent and not counted (« carte » 1, « école » 2, « pièce » 1), as in the phonological
syllabification of everyday speech (see Riegel, Pellat & Rioul, *Grammaire méthodique du
français*, ch. II « La syllabe »: in speech, the final *e caduc* is not pronounced before a
pause or a vowel; only verse — « diction » — counts it before a consonant). A word made of a
single *e* syllable (« le », « de », « je ») keeps its syllable.

Rules, applied to the lowercased word without apostrophes or hyphens:

- each maximal group of vowel letters is one syllable (« ou », « eau », « ai », « oi », « ui »);
- « é » ends its group (« ré-u-nion », « pré-a-la-ble », « cré-er »); « ï », « ë », « ü » start
  a new one (« na-ïf », « No-ël »);
- « y » between two vowels is a consonant sound (« pa-yer », « cra-yon »);
- « u » after « q » or before a vowel after « g » is not a vowel (« quatre », « guichet »);
- a final « e » or « es » after a consonant or « é » is silent (« cartes » 1, « an-née » 2);
- an acronym in capitals (« CCAS », « ANTS ») is spelled: one syllable per letter;
- a number counts one syllable per digit (a rough stand-in: « 25 » is « vingt-cinq »).

Known limits, accepted for a score that compares texts: the *e muet* inside a word is counted
(« samedi » 3 instead of 2, « passeport » 3 instead of 2); the verb ending « -ent » is counted
(« ils parlent » 2 instead of 1); diaereses without a trema (« li-on ») are merged.
"""

from __future__ import annotations

import re
import unicodedata

VOWELS = set("aeiouyàâäéèêëîïôöùûüœæ")
_BREAK_AFTER = set("é")
_BREAK_BEFORE = set("ïëü")
_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,5}$")


def _letters(word: str) -> str:
    text = unicodedata.normalize("NFC", word).replace("’", "'")
    return "".join(c for c in text.lower() if c.isalpha() or c in VOWELS)


def _vowel_mask(word: str) -> list[bool]:
    mask = [c in VOWELS for c in word]
    for i, c in enumerate(word):
        prev = word[i - 1] if i else ""
        nxt = word[i + 1] if i + 1 < len(word) else ""
        if c == "u" and (prev == "q" or (prev == "g" and nxt in VOWELS)):
            mask[i] = False  # « qu », « gu » before a vowel: a consonant spelling
        elif c == "y" and prev in VOWELS and nxt in VOWELS and i > 0:
            mask[i] = False  # « payer », « crayon »: y is a consonant sound
    return mask


def vowel_groups(word: str) -> list[str]:
    """The vowel nuclei of ``word`` (lowercase letters only), in order."""
    mask = _vowel_mask(word)
    groups: list[str] = []
    current = ""
    for c, vowel in zip(word, mask, strict=True):
        if not vowel:
            if current:
                groups.append(current)
            current = ""
            continue
        if current and (current[-1] in _BREAK_AFTER or c in _BREAK_BEFORE):
            groups.append(current)
            current = ""
        current += c
    if current:
        groups.append(current)
    return groups


def count_syllables(word: str) -> int:
    """Spoken syllables of one French word (at least 1 for any word with a letter or digit)."""
    stripped = word.strip('.,;:!?«»"()[]')
    if stripped.isdigit():
        return len(stripped)
    if _ACRONYM.match(stripped):
        return len(stripped)
    letters = _letters(stripped)
    if not letters:
        return 1 if any(c.isdigit() for c in stripped) else 0
    groups = vowel_groups(letters)
    count = len(groups)
    silent_end = re.search(r"(?:[^aeiouyàâäèêëîïôöùûüœæ])es?$", letters)
    if count > 1 and groups[-1] == "e" and silent_end:
        count -= 1
    return max(count, 1)
