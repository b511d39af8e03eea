//! The library never installs a `#[global_allocator]` (issue 18): a program that sets its own allocator
//! builds and links with newsparse, `mimalloc` feature included, and its allocator serves the parse.
//!
//! With `python`, the crate is the Python extension, which sets its own allocator (with `mimalloc`), so this
//! test is built without it: `cargo test --features mimalloc --test allocator` (scripts/test runs it).
#![cfg(not(feature = "python"))]

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

/// The application's own allocator: the system's, counting the calls.
struct Counting;

static CALLS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is forwarded unchanged to the system allocator.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        CALLS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: the caller's contract is the system allocator's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` above with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn the_applications_allocator_serves_the_parse() {
    let text = "Talks stall\n\n\"We will not give up,\" the minister said on Monday.";
    newsparse::parse(text).unwrap();
    let before = CALLS.load(Ordering::Relaxed);
    let article = newsparse::parse(text).unwrap();
    let during = CALLS.load(Ordering::Relaxed) - before;
    assert_eq!(article.statements().len(), 1);
    assert!(during > 0, "the parse allocated through another allocator");
}
