//! After approval (notice 二(四)–(七)): the training-summary deadlines of the groups that
//! have returned, their export as an .ics calendar, and the outcome-sharing log.
//! Pure like the rest of the core: `today` and the calendar's time stamp are parameters.

mod deadlines;
pub mod ics;
mod sharing;

pub use deadlines::{DUE_SOON_WORKING_DAYS, DeadlineRow, DeadlineStatus, SummaryDeadline, deadlines, summary_deadline};
pub use sharing::{FormCount, SharingLog, SharingRow, sharing_log};
