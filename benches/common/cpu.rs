//! A criterion [`Measurement`] of the benchmark thread's own CPU time, read from
//! `/proc/thread-self/schedstat` (nanoseconds on CPU). The machine's cores are shared: wall-clock time
//! counts the time other processes hold the core, CPU time does not. Falls back to wall-clock time where
//! that file does not exist. Throughput is printed in MiB/s, like criterion's wall-clock measurement.
//!
//! The kernel brings a running thread's CPU time up to date only at its scheduler ticks (every few
//! milliseconds), so a short interval can read as zero. An interval shorter than [`MIN_CPU_NS`] is
//! therefore measured on the wall clock, which over a few milliseconds is rarely interrupted; criterion's
//! samples of the corpus benchmarks (hundreds of milliseconds) are CPU time.

use std::time::Instant;

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};

/// The calling thread's CPU time.
pub struct ThreadCpu;

/// Intervals shorter than this (in CPU nanoseconds) are timed on the wall clock (see the module docs).
pub const MIN_CPU_NS: u64 = 20_000_000;

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Whether CPU time is available (else wall-clock time is measured).
pub fn available() -> bool {
    thread_cpu_ns().is_some()
}

/// The start of a measurement: CPU time when available, and an instant.
pub struct Start {
    /// Thread CPU time in ns, when available.
    cpu: Option<u64>,
    /// Wall clock.
    wall: Instant,
}

impl Measurement for ThreadCpu {
    type Intermediate = Start;
    type Value = f64;

    fn start(&self) -> Start {
        Start {
            cpu: thread_cpu_ns(),
            wall: Instant::now(),
        }
    }
    fn end(&self, i: Start) -> f64 {
        let wall = i.wall.elapsed().as_nanos() as f64;
        match (i.cpu, thread_cpu_ns()) {
            (Some(t0), Some(t1)) if t1.saturating_sub(t0) >= MIN_CPU_NS => t1.saturating_sub(t0) as f64,
            _ => wall,
        }
    }
    fn add(&self, a: &f64, b: &f64) -> f64 {
        a + b
    }
    fn zero(&self) -> f64 {
        0.0
    }
    fn to_f64(&self, v: &f64) -> f64 {
        *v
    }
    fn formatter(&self) -> &dyn ValueFormatter {
        &CpuFormatter
    }
}

struct CpuFormatter;

impl ValueFormatter for CpuFormatter {
    fn scale_values(&self, ns: f64, values: &mut [f64]) -> &'static str {
        let (factor, unit) = match ns {
            x if x < 1e3 => (1.0, "ns"),
            x if x < 1e6 => (1e-3, "µs"),
            x if x < 1e9 => (1e-6, "ms"),
            _ => (1e-9, "s"),
        };
        values.iter_mut().for_each(|v| *v *= factor);
        unit
    }

    fn scale_throughputs(&self, _typical: f64, t: &Throughput, values: &mut [f64]) -> &'static str {
        let (amount, unit, div) = match *t {
            Throughput::Bytes(b) | Throughput::ElementsAndBytes { bytes: b, .. } => (b as f64, "MiB/s", 1048576.0),
            Throughput::BytesDecimal(b) => (b as f64, "MB/s", 1e6),
            Throughput::Bits(b) => (b as f64, "Mb/s", 1e6),
            Throughput::Elements(e) => (e as f64, "Kelem/s", 1e3),
        };
        values.iter_mut().for_each(|v| *v = amount * 1e9 / *v / div);
        unit
    }

    fn scale_for_machines(&self, _values: &mut [f64]) -> &'static str {
        "ns"
    }
}
