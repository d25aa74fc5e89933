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
//!
//! Up to 5 million addresses the gazetteer is made first and the build alone is timed; above
//! that it is made street by street as the index takes it (it would not fit in memory as
//! `Address` values), so the build time includes making it.
//!
//! Memory per address is measured in a fresh process (this program run again as
//! `bench measure DIR`) that has done nothing but load the index: its resident set after
//! `AddressIndex::open` minus before, divided by the number of addresses. The index's own
//! count of the bytes its sections hold (`heap_bytes`) is printed beside it.

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

/// CPU time this process has used (user + system), from /proc/self/stat in clock ticks of
/// 10 ms (Linux's USER_HZ is 100). On a shared machine wall-clock rates fall with the load;
/// rates per CPU-second do not, so both are printed.
fn cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/self/stat")
        .ok()
        .and_then(|stat| {
            // Fields after the command name (which is in parentheses and may hold spaces).
            let rest = &stat[stat.rfind(')')? + 2..];
            let fields: Vec<&str> = rest.split_whitespace().collect();
            let ticks =
                fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
            Some(ticks as f64 / 100.0)
        })
        .unwrap_or(0.0)
}

/// CPU time this thread has used, to the nanosecond: each query's own cost, which the other
/// processes of a shared machine do not inflate the way they inflate its wall-clock time.
fn thread_cpu() -> Duration {
    let t = rustix::time::clock_gettime(rustix::time::ClockId::ThreadCPUTime);
    Duration::new(t.tv_sec as u64, t.tv_nsec as u32)
}

/// The load average (1, 5 and 15 minutes), to print beside figures taken on a shared machine.
fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
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
        let a = a.to_address();
        let postcode = a.postcode.map(|p| p.to_string()).unwrap_or_default();
        csv.write_record([a.uprn.to_string(), postcode, a.single_line()])?;
    }
    csv.flush()?;
    let mut postcodes = std::io::BufWriter::new(std::fs::File::create(dir.join("postcodes.txt"))?);
    let mut last = None;
    for p in index.addresses().filter_map(|a| a.postcode()) {
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

/// Above this many addresses the gazetteer is streamed into the build.
const HELD_LIMIT: usize = 5_000_000;

fn cpu_model() -> String {
    std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|c| {
            c.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_else(|| "unknown".into())
}

fn main() {
    let mut args = std::env::args().skip(1);
    let first = args.next();
    if first.as_deref() == Some("measure") {
        if let Some(dir) = args.next() {
            measure(std::path::Path::new(&dir));
        }
        return;
    }
    let load_before = load_average();
    let count: usize = first.and_then(|a| a.parse().ok()).unwrap_or(200_000);
    let live = live_postcodes(count / 12 + 1).filter(|l| !l.is_empty());
    let placed = if live.is_some() {
        "real live postcodes"
    } else {
        "sample ZY postcodes"
    };
    // Each sample postcode in turn becomes the next live one.
    let mut map: HashMap<Postcode, Postcode> = HashMap::new();
    let place = move |mut a: civic_address_lookup::Address| {
        if let (Some(live), Some(p)) = (&live, a.postcode) {
            let next = map.len() % live.len();
            a.postcode = Some(*map.entry(p).or_insert(live[next]));
        }
        a
    };
    let addresses = generate::sample_addresses(count, 1).map(place);
    let (index, build, build_cpu, streamed) = if count <= HELD_LIMIT {
        let held: Vec<_> = addresses.collect();
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let index = AddressIndex::build(held, generate::info());
        (index, started.elapsed(), cpu_seconds() - cpu, "")
    } else {
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let index = AddressIndex::build(addresses, generate::info());
        (
            index,
            started.elapsed(),
            cpu_seconds() - cpu,
            " (includes generating)",
        )
    };
    let built_heap = index.heap_bytes();
    let dir = std::env::temp_dir().join(format!("civic-bench-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join("bench.civicidx");
    let started = Instant::now();
    if let Err(e) = index.save(&path) {
        eprintln!("cannot save: {e}");
        return;
    }
    let save = started.elapsed();
    let on_disk = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let queries: Vec<String> = index
        .addresses()
        .step_by((count / 1_000).max(1))
        .map(|a| {
            // Drop the town and postcode, abbreviate, and slip one letter, as residents do.
            let mut lines = a.to_address().lines();
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
    if let Err(e) = std::fs::write(dir.join("queries.txt"), queries.join("\n")) {
        eprintln!("cannot write queries: {e}");
        return;
    }
    if let Some(export_dir) = std::env::var_os("CIVIC_BENCH_EXPORT")
        && let Err(e) = export(std::path::Path::new(&export_dir), &index, &queries)
    {
        eprintln!("cannot export: {e}");
        return;
    }
    drop(index);

    println!(
        "cpu                  {} ({} threads)",
        cpu_model(),
        std::thread::available_parallelism().map_or(1, |n| n.get())
    );
    println!("load average         {load_before} (before building)");
    println!("addresses            {count} ({placed})");
    println!(
        "build                {:.2} s = {:.0} addresses/s{streamed}",
        build.as_secs_f64(),
        count as f64 / build.as_secs_f64()
    );
    println!(
        "build CPU time       {build_cpu:.2} s = {:.0} addresses per CPU-second",
        count as f64 / build_cpu
    );
    println!(
        "index sections       {:.0} bytes/address after build",
        built_heap as f64 / count as f64
    );
    println!("save                 {:.2} s", save.as_secs_f64());
    println!(
        "on disk              {} bytes = {:.0} bytes/address",
        on_disk,
        on_disk as f64 / count as f64
    );
    let _ = std::io::Write::flush(&mut std::io::stdout());
    match std::env::current_exe().and_then(|exe| {
        std::process::Command::new(exe)
            .arg("measure")
            .arg(&dir)
            .status()
    }) {
        Ok(status) if status.success() => {}
        Ok(status) => eprintln!("the measuring process failed: {status}"),
        Err(e) => eprintln!("cannot start the measuring process: {e}"),
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Loads the index saved in `dir` in this fresh process and measures memory and speed.
fn measure(dir: &std::path::Path) {
    let queries: Vec<String> = std::fs::read_to_string(dir.join("queries.txt"))
        .map(|q| q.lines().map(str::to_owned).collect())
        .unwrap_or_default();
    let before = rss_kib();
    let started = Instant::now();
    let index = match AddressIndex::open(dir.join("bench.civicidx")) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("cannot load: {e}");
            return;
        }
    };
    let load = started.elapsed();
    let after = rss_kib();
    let count = index.len();
    let postcodes: Vec<Postcode> = index.addresses().filter_map(|a| a.postcode()).collect();

    println!("load                 {:.2} s", load.as_secs_f64());
    if let (Some(b), Some(a)) = (before, after) {
        println!(
            "memory after load    {} KiB resident = {:.0} bytes/address (VmRSS growth over open, fresh process)",
            a.saturating_sub(b),
            a.saturating_sub(b) as f64 * 1024.0 / count as f64
        );
    }
    println!(
        "index sections       {:.0} bytes/address (heap_bytes)",
        index.heap_bytes() as f64 / count as f64
    );

    // Postcode lookups on one thread for two seconds each: reading every address's UPRN in
    // place, borrowing every address as an `AddressRef` (in-process callers), then decoding
    // every address into an `Address` (what the `AddressProvider` trait returns).
    let mut found = 0u64;
    let rate = |f: &mut dyn FnMut(&Postcode) -> u64| {
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let mut lookups = 0u64;
        let mut found = 0u64;
        while started.elapsed() < Duration::from_secs(2) {
            for p in postcodes.iter().step_by(97).take(10_000) {
                found += f(p);
                lookups += 1;
            }
        }
        let per_cpu_second = lookups as f64 / (cpu_seconds() - cpu).max(0.01);
        (
            lookups as f64 / started.elapsed().as_secs_f64(),
            per_cpu_second,
            found,
        )
    };
    let (in_place, in_place_cpu, n) =
        rate(&mut |p| index.find_by_postcode(p).map(|a| a.uprn().get()).sum());
    found += n;
    let (viewed, viewed_cpu, n) = rate(&mut |p| {
        let list: Vec<civic_address_lookup::AddressRef<'_>> =
            index.find_by_postcode(p).map(|a| a.view()).collect();
        list.iter()
            .map(|v| v.lpi.map_or(0, |lpi| lpi.street.len() as u64))
            .sum()
    });
    found += n;
    let (decoded, decoded_cpu, n) = rate(&mut |p| {
        let list: Vec<civic_address_lookup::Address> =
            index.find_by_postcode(p).map(|a| a.to_address()).collect();
        list.len() as u64
    });
    found += n;

    let search_cpu = cpu_seconds();
    let (mut latencies, mut cpu_times): (Vec<Duration>, Vec<Duration>) = queries
        .iter()
        .map(|q| {
            let (t, cpu) = (Instant::now(), thread_cpu());
            let hits = index.search(q, 10);
            let times = (t.elapsed(), thread_cpu().saturating_sub(cpu));
            found += hits.len() as u64;
            times
        })
        .unzip();
    let search_cpu = cpu_seconds() - search_cpu;
    latencies.sort();
    cpu_times.sort();
    let pct = |list: &[Duration], p: f64| {
        list.get(((list.len() as f64 - 1.0) * p) as usize)
            .copied()
            .unwrap_or_default()
    };

    println!(
        "postcode lookups     {in_place:.0}/s on one thread, {in_place_cpu:.0} per CPU-second (UPRNs read in place)"
    );
    println!(
        "postcode lookups     {viewed:.0}/s on one thread, {viewed_cpu:.0} per CPU-second (borrowed AddressRef views)"
    );
    println!(
        "postcode lookups     {decoded:.0}/s on one thread, {decoded_cpu:.0} per CPU-second (decoded to Address values)"
    );
    println!(
        "free text top 10     p50 {:?}, p99 {:?} wall over {} queries",
        pct(&latencies, 0.5),
        pct(&latencies, 0.99),
        latencies.len()
    );
    println!(
        "free text top 10     p50 {:?}, p99 {:?} CPU time of the searching thread",
        pct(&cpu_times, 0.5),
        pct(&cpu_times, 0.99),
    );
    println!(
        "free text CPU time   {:.2} ms a query on average",
        search_cpu * 1000.0 / latencies.len().max(1) as f64
    );
    println!("load average         {} (after measuring)", load_average());
    // Keeps the work above from being optimised away.
    if found == u64::MAX {
        println!();
    }
}
