//! A global allocator that counts the bytes live and the peak, for the memory benchmark and test.
//!
//! Each program that uses it installs it itself (`#[global_allocator] static A: PeakAlloc = PeakAlloc;`).
//! It forwards to the system allocator and counts *requested* bytes, so the figures do not depend on the
//! allocator's own overheads.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The counting allocator.
pub struct PeakAlloc;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grow(n: usize) {
    let live = LIVE.fetch_add(n, Ordering::Relaxed) + n;
    PEAK.fetch_max(live, Ordering::Relaxed);
}

// SAFETY: every call is forwarded unchanged to the system allocator; the counters only observe.
unsafe impl GlobalAlloc for PeakAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        grow(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        // SAFETY: `ptr` was allocated by `System` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if new_size > layout.size() {
            grow(new_size - layout.size());
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Runs `f` and returns its result with the peak of live bytes it added above what was live before
/// (single-threaded use: other threads' allocations would count too).
pub fn peak_during<R>(f: impl FnOnce() -> R) -> (R, usize) {
    let base = LIVE.load(Ordering::Relaxed);
    PEAK.store(base, Ordering::Relaxed);
    let r = f();
    let peak = PEAK.load(Ordering::Relaxed).saturating_sub(base);
    (r, peak)
}

/// Parses the seed article once with `parser` on this thread and returns that parse's peak, so that the
/// one-time allocations are not counted as a later document's: each thread's tagger form cache (8 MB
/// reserved for 32,768 forms, reused by every document the thread parses) is made on the first parse
/// that tags a sentence. The lexicons load when the parser is built.
pub fn warm_up(parser: &newsparse::Parser) -> usize {
    let (article, peak) = peak_during(|| parser.parse(super::SEED).unwrap());
    assert!(
        !article.statements().is_empty(),
        "the seed article has statements: the tagger ran"
    );
    peak
}
