"""The one reader of wasm-split-cli's generated loader, `__wasm_split.js`.

wasm-split-cli (the version pinned as WASM_SPLIT_VERSION in scripts/setup.sh) writes, after
a fixed head, one load function per wasm file it cut:

    const __chunk_17 = makeLoad(() => {
        const src = fetch(new URL("./chunk_17.wasm", import.meta.url));
        ...
    }
    , [__chunk_3, __chunk_9]);
    export const __wasm_split_load_unit = wrapAsyncCb(makeLoad(() => {
        const src = fetch(new URL("./split_5.wasm", import.meta.url));
        ...
    }
    , [__chunk_17, __chunk_18]));

scripts/build_app.py (which files each page needs) and scripts/post_build.py (what the
service worker installs) read the loader only through `parse`. Tested against the pinned
version's real output in tests/py/test_split_loader.py (fixture
tests/fixtures/wasm-split/__wasm_split.js); if a new version writes another form, `parse`
stops the build with `LoaderFormatError` saying what it did not find.
"""
import re
from typing import NamedTuple

PINNED = "wasm_split_cli_support 0.2.4"
# The first line of the generated loader (build_app.py inserts its fetch after it).
HEAD = 'import { initSync } from "./peixun.js";\n'
# A split point's load function is exported under this prefix, then the split's name
# (the `#[lazy]` function's module name in src/ui/lazy.rs).
SPLIT_PREFIX = "__wasm_split_load_"

_LOAD = re.compile(
    r'^(export )?const (\w+) = (wrapAsyncCb\()?makeLoad\(\(\) => \{\n'
    r'\s*const src = fetch\(new URL\("\./([\w.-]+\.wasm)", import\.meta\.url\)\);\n'
    r'.*?\n\}\n, \[([^\]]*)\]\)\)?;$',
    flags=re.S | re.M,
)


class LoaderFormatError(Exception):
    """The loader is not in the form the pinned wasm-split-cli writes."""

    def __init__(self, what: str):
        super().__init__(
            f"__wasm_split.js is not in the form {PINNED} writes: {what}. "
            "scripts/split_loader.py reads that form; if wasm-split-cli changed, update it, its "
            "fixture (tests/fixtures/wasm-split/) and WASM_SPLIT_VERSION in scripts/setup.sh together"
        )


class Load(NamedTuple):
    """One load function: the wasm file it fetches and the loads it awaits first."""

    name: str
    file: str
    deps: list
    split: bool  # a split point (exported), not a shared chunk


def parse(text: str) -> dict:
    """Every load function of the loader by name, checked: each `makeLoad(` call is read,
    every dependency is a load of the file, and there is at least one split point."""
    if not text.startswith(HEAD):
        raise LoaderFormatError(f"it does not begin with {HEAD.strip()!r}")
    loads = {}
    for m in _LOAD.finditer(text):
        exported, name, wrapped, file, deps = m.groups()
        if bool(exported) != bool(wrapped) or bool(exported) != name.startswith(SPLIT_PREFIX):
            raise LoaderFormatError(f"{name} is neither a shared chunk nor an exported split point")
        if name in loads:
            raise LoaderFormatError(f"{name} is defined twice")
        loads[name] = Load(name, file, [d.strip() for d in deps.split(",") if d.strip()], bool(exported))
    # `function makeLoad(` defines it; every other occurrence is one load function.
    calls = len(re.findall(r"\bmakeLoad\(\(\) =>", text))
    if calls != len(loads):
        raise LoaderFormatError(f"{calls} makeLoad calls, but {len(loads)} in the expected form")
    if not any(load.split for load in loads.values()):
        raise LoaderFormatError(f"no exported {SPLIT_PREFIX}… split point")
    for load in loads.values():
        unknown = [d for d in load.deps if d not in loads]
        if unknown:
            raise LoaderFormatError(f"{load.name} awaits loads it does not define: {unknown}")
    return loads


def splits(loads: dict) -> dict:
    """The split points by their split's name (`unit`, `reader`, …)."""
    return {name[len(SPLIT_PREFIX):]: load for name, load in loads.items() if load.split}


def files(loads: dict, name: str) -> list:
    """The wasm files load `name` fetches, each once: what it awaits first, its own last."""
    out, seen = [], set()

    def visit(n):
        if n in seen:
            return
        seen.add(n)
        for d in loads[n].deps:
            visit(d)
        out.append(loads[n].file)

    visit(name)
    return out
