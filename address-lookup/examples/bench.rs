//! The address index benchmark script: build rate, size on disk and in memory, postcode
//! lookups per second on one core, free-text latency (p50/p99).
//!
//! ```text
//! cargo run --release -p civic-address-lookup --example bench -- 3000000
//! ```
//!
//! The gazetteer is the sample generator's; with `CIVIC_REFERENCE_DATA` set, its postcodes are
//! replaced by real live postcodes from the ONS list (one for every 12 addresses), so lookups
//! spread over a realistic key space. With `CIVIC_BENCH_EXPORT=DIR` it also writes the same
//! addresses, postcodes and queries to DIR for `bench/postgres.sh`, which measures what a
//! council would otherwise run (PostgreSQL, B-tree on postcode, pg_trgm GIN on the text).

use std::collections::HashMap;
use std::io::BufRead;
use std::time::{Duration, Instant};

use civic_address_lookup::index::AddressIndex;
use civic_address_lookup::{Postcode, generate};

fn rss_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn live_postcodes(limit: usize) -> Option<Vec<Postcode>> {
    let dir = std::env::var_os("CIVIC_REFERENCE_DATA")?;
    let path = std::path::Path::new(&dir).join("data/onspd-2025-02-live-postcodes.txt.gz");
    let file = std::fs::File::open(path).ok()?;
    let reader = std::io::BufReader::new(flate2::read::GzDecoder::new(file));
    Some(
        reader
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| Postcode::parse(&l).ok())
            .take(limit)
            .collect(),
    )
}

/// The benchmark's data as files for PostgreSQL's COPY: addresses.csv (uprn, postcode,
/// text), postcodes.txt and queries.txt (one a line, in the order used here).
fn export(
    dir: &std::path::Path,
    index: &AddressIndex,
    queries: &[String],
) -> Result<(), Box<dyn std::error::Error>> {
    use std::io::Write;
    std::fs::create_dir_all(dir)?;
    let mut csv = csv::Writer::from_path(dir.join("addresses.csv"))?;
    for a in index.addresses() {
        let postcode = a.postcode.map(|p| p.to_string()).unwrap_or_default();
        csv.write_record([a.uprn.to_string(), postcode, a.single_line()])?;
    }
    csv.flush()?;
    let mut postcodes = std::io::BufWriter::new(std::fs::File::create(dir.join("postcodes.txt"))?);
    let mut last = None;
    for p in index.addresses().iter().filter_map(|a| a.postcode) {
        if last != Some(p) {
            writeln!(postcodes, "{p}")?;
            last = Some(p);
        }
    }
    let mut out = std::io::BufWriter::new(std::fs::File::create(dir.join("queries.txt"))?);
    for q in queries {
        writeln!(out, "{q}")?;
    }
    Ok(())
}

fn main() {
    let count: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let mut addresses = generate::sample_gazetteer(count, 1);
    let mut placed = "sample ZY postcodes";
    if let Some(live) = live_postcodes(count / 12 + 1) {
        let mut map: HashMap<Postcode, Postcode> = HashMap::new();
        for a in &mut addresses {
            if let Some(p) = a.postcode {
                let next = map.len() % live.len();
                a.postcode = Some(*map.entry(p).or_insert(live[next]));
            }
        }
        placed = "real live postcodes";
    }

    let started = Instant::now();
    let index = AddressIndex::build(addresses, generate::info());
    let build = started.elapsed();
    let dir = std::env::temp_dir().join(format!("civic-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bench.civicidx");
    if let Err(e) = index.save(&path) {
        eprintln!("cannot save: {e}");
        return;
    }
    let on_disk = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let postcodes: Vec<Postcode> = index
        .addresses()
        .iter()
        .filter_map(|a| a.postcode)
        .collect();
    let queries: Vec<String> = index
        .addresses()
        .iter()
        .step_by((count / 1_000).max(1))
        .map(|a| {
            // Drop the town and postcode, abbreviate, and slip one letter, as residents do.
            let mut lines = a.lines();
            lines.truncate(lines.len().saturating_sub(2));
            let text = lines.join(" ").to_lowercase().replace("street", "st");
            let mut chars: Vec<char> = text.chars().collect();
            let n = chars.len();
            if n > 6 {
                chars.swap(n - 3, n - 4);
            }
            chars.into_iter().collect()
        })
        .collect();
    if let Some(dir) = std::env::var_os("CIVIC_BENCH_EXPORT")
        && let Err(e) = export(std::path::Path::new(&dir), &index, &queries)
    {
        eprintln!("cannot export: {e}");
        return;
    }
    drop(index);

    let before = rss_kib();
    let started = Instant::now();
    let index = match AddressIndex::open(&path) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("cannot load: {e}");
            return;
        }
    };
    let load = started.elapsed();
    let after = rss_kib();
    let _ = std::fs::remove_dir_all(&dir);

    // Postcode lookups on one thread for about a second.
    let started = Instant::now();
    let mut lookups = 0u64;
    let mut found = 0usize;
    while started.elapsed() < Duration::from_secs(1) {
        for p in postcodes.iter().step_by(97).take(10_000) {
            found += index.find_by_postcode(p).len();
            lookups += 1;
        }
    }
    let per_second = lookups as f64 / started.elapsed().as_secs_f64();

    let mut latencies: Vec<Duration> = queries
        .iter()
        .map(|q| {
            let t = Instant::now();
            let hits = index.search(q, 10);
            found += hits.len();
            t.elapsed()
        })
        .collect();
    latencies.sort();
    let pct = |p: f64| latencies[((latencies.len() as f64 - 1.0) * p) as usize];

    println!("addresses            {count} ({placed})");
    println!(
        "build                {:.2} s = {:.0} addresses/s",
        build.as_secs_f64(),
        count as f64 / build.as_secs_f64()
    );
    println!(
        "on disk              {} bytes = {:.0} bytes/address",
        on_disk,
        on_disk as f64 / count as f64
    );
    println!("load                 {:.2} s", load.as_secs_f64());
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "memory (RSS growth)  {} KiB = {:.0} bytes/address",
            a.saturating_sub(b),
            a.saturating_sub(b) as f64 * 1024.0 / count as f64
        );
    }
    println!("postcode lookups     {per_second:.0}/s on one core");
    println!(
        "free text top 10     p50 {:?}, p99 {:?} over {} queries",
        pct(0.5),
        pct(0.99),
        latencies.len()
    );
    // Keeps the work above from being optimised away.
    if found == usize::MAX {
        println!();
    }
}
