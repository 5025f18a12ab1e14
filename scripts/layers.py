#!/usr/bin/env python3
"""The crate's top-level modules as layers, read from the `crate::X` paths outside tests
(a file whose name says test, or what follows `#[cfg(test)]` in a file).

Usage: scripts/layers.py [SRC_DIR]   (default: src)

Prints one line per layer, lowest first: each module with the lower modules it uses. A
module's layer is one above the highest layer it uses, so `ui` is on top and the pure core
below it. Exits 1, naming each cycle, when the modules do not form layers (a cycle). `make
lint` runs it; ARCHITECTURE.md shows its output.
"""
import os
import re
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else "src"
PATH = re.compile(r"crate::([a-z_][a-z0-9_]*)")


def modules(src):
    out = set()
    for name in os.listdir(src):
        full = os.path.join(src, name)
        if "test" in name:
            continue  # a module's tests kept beside it (`#[path = "form_tests.rs"]`)
        if name.endswith(".rs") and name not in ("lib.rs", "main.rs"):
            out.add(name[:-3])
        elif os.path.isdir(full) and name != "bin":
            out.add(name)
    return sorted(out)


def files(src, module):
    """The module's files: `X.rs` and everything under `X/` (both, when `X.rs` has its
    submodules in `X/`)."""
    top = os.path.join(src, module)
    if os.path.exists(top + ".rs"):
        yield top + ".rs"
    if os.path.isdir(top):
        for folder, _, names in os.walk(top):
            for name in sorted(names):
                if name.endswith(".rs") and "test" not in name:
                    yield os.path.join(folder, name)


def uses(src, mods):
    edges = {m: set() for m in mods}
    for m in mods:
        for f in files(src, m):
            with open(f, encoding="utf-8") as fh:
                text = fh.read().split("#[cfg(test)]")[0]
            edges[m].update(t for t in PATH.findall(text) if t in edges and t != m)
    return edges


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, on, stack, found, counter = {}, {}, set(), [], [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    sys.setrecursionlimit(10000)
    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def layers(edges):
    level = {}

    def of(m):
        if m not in level:
            level[m] = 1 + max((of(d) for d in edges[m]), default=-1)
        return level[m]

    for m in edges:
        of(m)
    out = {}
    for m, n in level.items():
        out.setdefault(n, []).append(m)
    return [sorted(out[n]) for n in sorted(out)]


def main():
    edges = uses(SRC, modules(SRC))
    found = cycles(edges)
    if found:
        for c in found:
            print("cycle: " + " <-> ".join(c))
        print(f"module cycles: {len(found)} (the top-level modules must form layers: ARCHITECTURE.md)")
        return 1
    for n, layer in enumerate(layers(edges)):
        described = [f"{m} ({', '.join(sorted(edges[m]))})" if edges[m] else m for m in layer]
        print(f"layer {n}: " + "; ".join(described))
    print("module cycles: 0")
    return 0


if __name__ == "__main__":
    sys.exit(main())
