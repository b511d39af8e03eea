//! A criterion [`Measurement`] of the benchmark thread's own CPU time, read from
//! `/proc/thread-self/schedstat` (nanoseconds on CPU). The machine's cores are shared: wall-clock time
//! counts the time other processes hold the core, CPU time does not. Falls back to wall-clock time where
//! that file does not exist. Throughput is printed in MiB/s, like criterion's wall-clock measurement.

use std::time::Instant;

use criterion::Throughput;
use criterion::measurement::{Measurement, ValueFormatter};

/// The calling thread's CPU time.
pub struct ThreadCpu;

fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Whether CPU time is available (else wall-clock time is measured).
pub fn available() -> bool {
    thread_cpu_ns().is_some()
}

/// The start of a measurement: CPU time when available, else an instant.
pub enum Start {
    /// Thread CPU time in ns.
    Cpu(u64),
    /// Wall clock.
    Wall(Instant),
}

impl Measurement for ThreadCpu {
    type Intermediate = Start;
    type Value = f64;

    fn start(&self) -> Start {
        match thread_cpu_ns() {
            Some(ns) => Start::Cpu(ns),
            None => Start::Wall(Instant::now()),
        }
    }
    fn end(&self, i: Start) -> f64 {
        match i {
            Start::Cpu(t0) => thread_cpu_ns().map_or(0.0, |t1| t1.saturating_sub(t0) as f64),
            Start::Wall(t0) => t0.elapsed().as_nanos() as f64,
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
