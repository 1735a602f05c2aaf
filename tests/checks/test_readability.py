"""The readability figure `make check` prints per page and language, and its warning above the limit."""

from __future__ import annotations

import re
import subprocess
import sys

import yaml
from check_support import run_check
from support import LANGUAGES, ROOT

LIMIT = yaml.safe_load((ROOT / "data" / "readability.yml").read_text(encoding="utf-8"))["lix_limit"]

# Worked out by hand. HARD: 20 words (the heading's one and the sentence's 19), 2 sentences, 15
# words of more than six letters: 20/2 + 100*15/20 = 85. EASY: 10 words, 3 sentences, no long
# words: 10/3 = 3.3.
HARD = """---
title: Moeilijk
description: Een pagina die moeilijk leest.
---

# Moeilijk

Ondergetekende verklaart hierbij uitdrukkelijk kennisgenomen te hebben van alle toepasselijke
voorwaarden betreffende gegevensverwerking, informatiebeveiliging en
aansprakelijkheidsbeperkingen overeenkomstig geldende regelgeving.

```
Code, zoals https://www.example.nl/een-heel-lang-adres, telt niet mee.
```
"""
EASY = """---
title: Makkelijk
description: Een pagina die makkelijk leest.
---

# Hoi

De kat zit op de [mat](https://www.example.nl/verantwoordelijkheidsgevoel). Hij is moe.
<!-- component: contact-email -->
"""


def test_a_hard_page_warns_and_an_easy_one_does_not(project):
    for language in LANGUAGES:
        (project / "docs" / language / "privacy.md").write_text(HARD, encoding="utf-8")
        (project / "docs" / language / "contact.md").write_text(EASY, encoding="utf-8")
    subprocess.run([sys.executable, "scripts/translations.py", "--root", str(project), "mark-done", "privacy.md",
                    "contact.md"], cwd=project, check=True, capture_output=True)
    result = run_check(project)
    assert result.returncode == 0, result.stdout  # a warning, not a failure
    for language in LANGUAGES:
        assert f"docs/{language}/privacy.md: LIX 85 (20 words, 2 sentences)" in result.stdout
        assert f"docs/{language}/contact.md: LIX 3 (10 words, 3 sentences)" in result.stdout
        # The longest sentence, with its line, so the editor knows where to start.
        assert re.search(rf"line 8, 19 words: Ondergetekende verklaart .* regelgeving\.", result.stdout)
        assert f"warning: docs/{language}/privacy.md:8: LIX 85, above the limit of {LIMIT}" in result.stdout
        assert f"warning: docs/{language}/contact.md" not in result.stdout
    assert LIMIT < 85


def test_contributing_states_the_limit_in_the_data_file():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert f"above {LIMIT}" in text and "data/readability.yml" in text
