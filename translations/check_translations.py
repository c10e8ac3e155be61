#!/usr/bin/env python3
"""Check Tagbench's Qt Linguist files (.ts) before they are compiled into the app.

For each file given: every current message (not obsolete or vanished) must be finished unless
--allow-unfinished is given, a translated message must keep the placeholders of its source
(%1..%99, %n, %Ln; a missing %1 silently drops a file name or a count from the UI), keyboard
accelerators (&X) must be kept when the source has one, and plural messages must have the
number of forms the language needs (1 for Chinese, 2 for English) with none empty.

Usage: check_translations.py [--allow-unfinished LANG] FILE.ts...
Exits 1 and prints file:line: problem for each problem found.
"""

import argparse
import re
import sys
import xml.etree.ElementTree as ET

PLURAL_FORMS = {"zh_CN": 1, "zh": 1, "en": 2, "en_US": 2, "en_GB": 2}
PLACEHOLDER = re.compile(r"%L?n|%L?[1-9][0-9]?")
ACCELERATOR = re.compile(r"&(?!&)(?=\w)")


def placeholders(text):
    return sorted(set(PLACEHOLDER.findall(text or "")))


def line_of(source_lines, needle, start):
    """1-based line of the first <source> at or after start that contains needle's first line."""
    first = (needle or "").split("\n", 1)[0]
    first = first.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for number in range(start, len(source_lines)):
        if "<source>" in source_lines[number] and first in source_lines[number]:
            return number + 1
    return start + 1


def check_file(path, allow_unfinished):
    problems = []
    try:
        tree = ET.parse(path)
    except (OSError, ET.ParseError) as error:
        return [f"{path}: cannot read: {error}"], 0
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    root = tree.getroot()
    language = root.get("language", "")
    forms_needed = PLURAL_FORMS.get(language, PLURAL_FORMS.get(language.split("_")[0]))
    if forms_needed is None:
        return [f"{path}: unknown language '{language}' in <TS language=...>"], 0
    is_source_language = language.split("_")[0] == root.get("sourcelanguage", "en").split("_")[0]

    cursor = 0
    checked = 0
    for context in root.iter("context"):
        context_name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            cursor = line_of(lines, source, cursor)
            where = f"{path}:{cursor}: [{context_name}] '{source[:50]}'"
            translation = message.find("translation")
            kind = translation.get("type", "") if translation is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            checked += 1
            plural = message.get("numerus") == "yes"
            if plural:
                forms = [f.text or "" for f in translation.iter("numerusform")] if translation is not None else []
            else:
                forms = [translation.text or ""] if translation is not None else [""]
            translated = any(f.strip() for f in forms)

            # English source strings need no translation except their plural forms.
            if is_source_language and not plural:
                continue
            if kind == "unfinished" or not translated:
                if language not in allow_unfinished:
                    problems.append(f"{where}: not translated")
                continue
            if plural and len(forms) != forms_needed:
                problems.append(f"{where}: {len(forms)} plural forms, {language} needs {forms_needed}")
            for form in forms:
                if not form.strip():
                    problems.append(f"{where}: an empty plural form")
                    continue
                wanted, got = placeholders(source), placeholders(form)
                # %n may be left out of a singular form ("one document"); nothing else may.
                if plural and len(forms) > 1:
                    wanted = [p for p in wanted if not p.endswith("n")]
                    got = [p for p in got if not p.endswith("n")]
                if wanted != got:
                    problems.append(f"{where}: placeholders {wanted} in the source, {got} in '{form[:50]}'")
                if ACCELERATOR.search(source) and not ACCELERATOR.search(form):
                    problems.append(f"{where}: the source has a keyboard accelerator (&), '{form[:50]}' has none")
    return problems, checked


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--allow-unfinished", action="append", default=[], metavar="LANG")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    failed = False
    for path in args.files:
        problems, checked = check_file(path, args.allow_unfinished)
        for problem in problems:
            print(problem)
        print(f"{path}: {checked} messages checked, {len(problems)} problems")
        failed = failed or bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
