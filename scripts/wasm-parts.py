#!/usr/bin/env python3
"""What each part of the web app's wasm costs, for BENCHMARKS.md.

    scripts/build-release.sh && python3 scripts/wasm-parts.py

Reads the wasm cargo builds (before wasm-bindgen and wasm-opt, whose name
section still names every function), sorts each function's code into a part
by its Rust path (the engine's modules, the page's `view` and `ui`, Yew,
the browser bindings, Rust's own library), counts the data section, and
prints each part's share: its bytes, and its bytes gzipped alone. The final
site's wasm is smaller (wasm-opt -Oz); the shares are what carry over.
No dependencies beyond Python's standard library.
"""
import gzip
import os
import re
import sys

WASM = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    os.environ.get("CARGO_TARGET_DIR", "target"), "wasm32-unknown-unknown", "wasm-release", "loopscope.wasm")

# First match wins: (part, pattern on the demangled-ish name).
PARTS = [
    ("engine: syntax (lexer, parser)", r"loopscope[^ ]*syntax"),
    ("engine: compile", r"loopscope[^ ]*compile"),
    ("engine: vm (interpreter, values, builtins)", r"loopscope[^ ]*vm"),
    ("engine: sched (event loop, asyncio)", r"loopscope[^ ]*sched"),
    ("engine: trace (events, replay)", r"loopscope[^ ]*trace"),
    ("share links, gallery", r"loopscope[^ ]*(share|gallery)|lz_str"),
    ("view (what the page shows)", r"loopscope[^ ]*view"),
    ("ui (Yew components)", r"loopscope[^ ]*ui|9loopscope4main"),
    ("Yew", r"yew|implicit_clone|prokio|gloo"),
    ("browser bindings (web-sys, js-sys, wasm-bindgen)", r"web_sys|js_sys|wasm_bindgen|console_error_panic_hook"),
    # Mangled names spell a path as length-prefixed parts (`4core5slice`).
    ("Rust std, alloc, core (with generic code for our types)", r"\d(std|alloc|core|hashbrown|rustc_demangle|dlmalloc|compiler_builtins)[\dA-Z_]|rustc_hash|^(memcpy|memmove|memset|memcmp|__)"),
]


def leb(data, i):
    result = shift = 0
    while True:
        b = data[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def sections(data):
    i = 8
    while i < len(data):
        sid = data[i]
        size, j = leb(data, i + 1)
        yield sid, data[j:j + size]
        i = j + size


def imported_functions(body):
    n, i = leb(body, 0)
    funcs = 0
    for _ in range(n):
        for _ in range(2):
            ln, i = leb(body, i)
            i += ln
        kind = body[i]
        i += 1
        if kind == 0:
            _, i = leb(body, i)
            funcs += 1
        elif kind == 1:
            i += 1
            flags, i = leb(body, i)
            _, i = leb(body, i)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 2:
            flags, i = leb(body, i)
            _, i = leb(body, i)
            if flags & 1:
                _, i = leb(body, i)
        elif kind == 3:
            i += 2
        else:
            i += 2
    return funcs


def main():
    data = open(WASM, "rb").read()
    imports = 0
    bodies = []
    names = {}
    data_bytes = b""
    for sid, body in sections(data):
        if sid == 2:
            imports = imported_functions(body)
        elif sid == 10:
            n, i = leb(body, 0)
            for _ in range(n):
                size, j = leb(body, i)
                bodies.append(body[j:j + size])
                i = j + size
        elif sid == 11:
            data_bytes = body
        elif sid == 0:
            ln, i = leb(body, 0)
            if body[i:i + ln] != b"name":
                continue
            i += ln
            while i < len(body):
                sub = body[i]
                size, j = leb(body, i + 1)
                if sub == 1:
                    n, k = leb(body, j)
                    for _ in range(n):
                        idx, k = leb(body, k)
                        ln2, k = leb(body, k)
                        names[idx] = body[k:k + ln2].decode("utf-8", "replace")
                        k += ln2
                i = j + size
    if not names:
        sys.exit(f"{WASM}: no name section")
    groups = {p: [] for p, _ in PARTS}
    groups["other"] = []
    for k, b in enumerate(bodies):
        name = names.get(imports + k, "")
        for part, pat in PARTS:
            if re.search(pat, name):
                groups[part].append(b)
                break
        else:
            groups["other"].append(b)
    total = sum(len(b) for b in bodies) + len(data_bytes)
    print(f"{WASM}: {len(data) / 1024:.0f} KB, code {sum(len(b) for b in bodies) / 1024:.0f} KB in {len(bodies)} functions, data {len(data_bytes) / 1024:.0f} KB")
    print()
    print("| part | functions | KB | share | KB gzip alone |")
    print("| --- | ---: | ---: | ---: | ---: |")
    rows = [(p, g) for p, g in groups.items() if g]
    rows.append(("data (strings, tables, the asyncio prelude's source)", [data_bytes]))
    for part, g in sorted(rows, key=lambda r: -sum(len(b) for b in r[1])):
        size = sum(len(b) for b in g)
        gz = len(gzip.compress(b"".join(g), 9))
        fns = len(g) if not part.startswith("data") else "—"
        print(f"| {part} | {fns} | {size / 1024:.1f} | {100 * size / total:.0f} % | {gz / 1024:.1f} |")


if __name__ == "__main__":
    main()
