#!/usr/bin/env python3
# SPDX-License-Identifier: Apache-2.0
"""The house rules on the product code (core/, indexer/, searchd/):
no source file over 500 lines and no function over 80 lines.

Functions are found by a small scanner, not a compiler: comments, string and
character literals are blanked, then every outermost brace block opened right
after a closing parenthesis (a function or lambda body at namespace or class
scope) is measured from its opening line to its closing line. A function made
of a data table can be listed in TABLES with the reason.

    tests/lint/house.py SOURCE_DIR [--top N]   exit 1 on any breach; --top lists the longest
"""
import os
import re
import sys

ROOTS = ("core", "indexer", "searchd")
MAX_FILE_LINES = 500
MAX_FUNCTION_LINES = 80
# (file, the function's first line as written) -> why it may be longer.
TABLES = {}


def blank(src):
    """The source with comments and literals replaced by spaces, newlines kept."""
    keep_lines = lambda m: re.sub(r"[^\n]", " ", m.group(0))
    src = re.sub(r'R"([^(\s]*)\(.*?\)\1"', keep_lines, src, flags=re.S)
    src = re.sub(r"/\*.*?\*/", keep_lines, src, flags=re.S)
    src = re.sub(r"//[^\n]*", keep_lines, src)
    src = re.sub(r'"(\\.|[^"\\\n])*"', keep_lines, src)
    src = re.sub(r"'(\\.|[^'\\\n])*'", keep_lines, src)
    return src


OPENS_BODY = re.compile(r"\)\s*(const\s*)?(noexcept\s*)?(override\s*)?(mutable\s*)?(->\s*[\w:<>,\s*&]+)?$")
CONTROL = re.compile(r"\b(if|for|while|switch|catch)\s*\(")


def functions(path):
    """(length, first line, signature) of each outermost function body in the file."""
    with open(path, encoding="utf-8", errors="replace") as f:
        raw = f.read()
    src = blank(raw)
    raw_lines = raw.split("\n")
    stack, found, line = [], [], 1
    for i, c in enumerate(src):
        if c == "\n":
            line += 1
        elif c == "{":
            before = src[max(0, i - 400):i].rstrip()
            last = before.split("\n")[-1]
            is_fn = bool(OPENS_BODY.search(before)) and not CONTROL.search(last)
            stack.append((is_fn, line))
        elif c == "}" and stack:
            is_fn, first = stack.pop()
            if is_fn and not any(s[0] for s in stack):
                sig_line = first
                # The signature starts at the last line above the body without an indent change.
                found.append((line - first + 1, first, raw_lines[sig_line - 1].strip()))
    return found


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = argv[1]
    top = int(argv[argv.index("--top") + 1]) if "--top" in argv else 0
    breaches, all_functions = [], []
    for sub in ROOTS:
        for dirpath, _, names in os.walk(os.path.join(root, sub)):
            for name in sorted(names):
                if not name.endswith((".cc", ".h")):
                    continue
                path = os.path.join(dirpath, name)
                rel = os.path.relpath(path, root)
                with open(path, encoding="utf-8", errors="replace") as f:
                    n = sum(1 for _ in f)
                if n > MAX_FILE_LINES:
                    breaches.append(f"{rel}: {n} lines (at most {MAX_FILE_LINES})")
                for length, first, sig in functions(path):
                    all_functions.append((length, rel, first, sig))
                    if length > MAX_FUNCTION_LINES and (rel, sig) not in TABLES:
                        breaches.append(f"{rel}:{first}: a function of {length} lines (at most {MAX_FUNCTION_LINES}): {sig}")
    all_functions.sort(reverse=True)
    for length, rel, first, sig in all_functions[:top]:
        print(f"{length:4d}  {rel}:{first}  {sig}")
    if breaches:
        print("house rules broken:\n  " + "\n  ".join(breaches), file=sys.stderr)
        return 1
    print(f"house: {len(all_functions)} functions, none over {MAX_FUNCTION_LINES} lines; no file over {MAX_FILE_LINES} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
