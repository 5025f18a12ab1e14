//! Bundles (SPEC §4): parse, export, migrate, import plan, merge.
