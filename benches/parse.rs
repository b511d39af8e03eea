//! Throughput of `Parser::parse` (MB/s) on the seed article and the bench corpus.
fn main() {}
