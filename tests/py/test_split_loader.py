"""scripts/split_loader.py against the pinned wasm-split-cli's real output
(tests/fixtures/wasm-split/__wasm_split.js, written by wasm_split_cli_support 0.2.4 for this
app) and against forms it must refuse."""
import sys
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
import build_app  # noqa: E402
import split_loader  # noqa: E402

FIXTURE = (ROOT / "tests" / "fixtures" / "wasm-split" / "__wasm_split.js").read_text(encoding="utf-8")


class PinnedOutput(unittest.TestCase):
    def test_every_load_function_is_read(self):
        loads = split_loader.parse(FIXTURE)
        self.assertEqual(len(loads), FIXTURE.count("makeLoad(() =>"))
        self.assertEqual(len(loads), 217)
        chunks = [load for load in loads.values() if not load.split]
        self.assertTrue(all(load.file == f"chunk_{load.name.removeprefix('__chunk_')}.wasm" for load in chunks))

    def test_split_points_by_name_with_their_chunks(self):
        loads = split_loader.parse(FIXTURE)
        named = split_loader.splits(loads)
        for split in [*build_app.PAGES.values(), *build_app.LOADS.values()]:
            self.assertIn(split, named)
        self.assertEqual(named["unit"].file, "split_unit.wasm")
        unit = split_loader.files(loads, named["unit"].name)
        # Its own module last, after each chunk it awaits, each once.
        self.assertEqual(unit[-1], "split_unit.wasm")
        self.assertEqual(len(unit), len(set(unit)))
        self.assertEqual(sorted(unit[:-1]), sorted(loads[d].file for d in named["unit"].deps))
        self.assertIn("chunk_218.wasm", unit)

    def test_page_files_name_every_page(self):
        pages = build_app.page_files(FIXTURE)
        self.assertEqual(set(pages), {*build_app.PAGES, *build_app.LOADS})
        self.assertEqual(pages["unit"][-1], "split_unit.wasm")

    def test_the_start_files_fetch_goes_after_the_head_and_is_still_read(self):
        text = build_app.with_start_files(FIXTURE)
        self.assertTrue(text.startswith(split_loader.HEAD + build_app.FETCH))
        self.assertEqual(split_loader.parse(text), split_loader.parse(FIXTURE))


class OtherForms(unittest.TestCase):
    def refused(self, text, words):
        with self.assertRaises(split_loader.LoaderFormatError) as e:
            split_loader.parse(text)
        message = str(e.exception)
        self.assertIn(split_loader.PINNED, message)
        self.assertIn(words, message)
        return message

    def test_another_head(self):
        self.refused(FIXTURE.replace('import { initSync }', 'import { initSync as init }', 1), "does not begin with")

    def test_a_load_function_in_another_form(self):
        # One chunk fetched another way: its load is not read, and that is said.
        changed = FIXTURE.replace('const src = fetch(new URL("./chunk_17.wasm", import.meta.url));',
                                  'const src = fetch("./chunk_17.wasm");', 1)
        self.assertNotEqual(changed, FIXTURE)
        self.refused(changed, "217 makeLoad calls, but 216 in the expected form")

    def test_a_dependency_it_does_not_define(self):
        at = FIXTURE.index("export const __wasm_split_load_unit")
        end = FIXTURE.index("]));", at)
        changed = FIXTURE[:end] + ", __chunk_9999" + FIXTURE[end:]
        self.refused(changed, "awaits loads it does not define: ['__chunk_9999']")

    def test_no_split_point(self):
        changed = FIXTURE.replace("export const __wasm_split_load_", "const __wasm_split_load_")
        self.refused(changed, "neither a shared chunk nor an exported split point")

    def test_the_build_stops_with_the_message(self):
        with self.assertRaises(SystemExit) as e:
            build_app.page_files(FIXTURE.replace("makeLoad(() => {\n", "makeLoad(async () => {\n"))
        self.assertIn("build_app: __wasm_split.js is not in the form", str(e.exception.code))


if __name__ == "__main__":
    unittest.main()
