"""scripts/layers.py on small crates: the layers it prints and the cycles it refuses."""
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def crate(files):
    root = Path(tempfile.mkdtemp(prefix="peixun-layers-"))
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def run(root):
    return subprocess.run([sys.executable, str(ROOT / "scripts" / "layers.py"), str(root)],
                          capture_output=True, text=True)


class Layers(unittest.TestCase):
    def test_layers_from_the_paths_outside_tests(self):
        out = run(crate({
            "lib.rs": "pub mod a; pub mod b; pub mod c;",
            "a.rs": "pub fn f() {}",
            "b/mod.rs": "use crate::a::f;",
            "c.rs": "use crate::b;\n#[cfg(test)]\nmod tests { use crate::c; }",
        }))
        self.assertEqual(out.returncode, 0, out.stdout)
        self.assertIn("layer 0: a\nlayer 1: b (a)\nlayer 2: c (b)\nmodule cycles: 0", out.stdout)

    def test_a_module_file_with_its_submodules_in_a_folder_is_read_whole(self):
        # storage.rs beside storage/idb.rs: both are the module `storage`.
        out = run(crate({
            "a.rs": "pub fn f() {}",
            "b.rs": "pub fn g() {}",
            "s.rs": "pub mod idb;\nuse crate::a::f;",
            "s/idb.rs": "use crate::b::g;",
        }))
        self.assertIn("layer 1: s (a, b)", out.stdout)

    def test_a_cycle_is_named_and_fails(self):
        out = run(crate({
            "a.rs": "use crate::b;",
            "b.rs": "pub mod inner;",
            "b/inner.rs": "use crate::a;",
            "a_tests.rs": "use crate::b;",
        }))
        self.assertEqual(out.returncode, 1)
        self.assertIn("cycle: a <-> b", out.stdout)
        self.assertIn("module cycles: 1", out.stdout)

    def test_test_files_and_test_code_do_not_count(self):
        out = run(crate({
            "a.rs": "pub fn f() {}\n#[cfg(test)]\nmod tests { use crate::b; }",
            "b.rs": "use crate::a;",
            "b_tests.rs": "use crate::a;",
            "a/x_tests.rs": "use crate::b;",
        }))
        self.assertEqual(out.returncode, 0, out.stdout)
        self.assertIn("layer 1: b (a)", out.stdout)


if __name__ == "__main__":
    unittest.main()
