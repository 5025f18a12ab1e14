//! 附件2 summary table model (SPEC §5).
