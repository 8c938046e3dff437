//! Throughput of `byline::parse::parse_text` (segmentation, entities,
//! quotes) in MB/s over the sample corpus and, when present, the BBC corpus
//! in the shared workspace (`../shared/data/bbc/`, skipped when absent).

use std::fs;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Every `.txt` file under `dir`, sorted, as (name, text).
fn texts(dir: &Path) -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(entries) = fs::read_dir(&d) else {
            continue;
        };
        for e in entries.flatten() {
            let p: PathBuf = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "txt") {
                files.push(p);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let bytes = fs::read(&p).ok()?;
            let text = String::from_utf8_lossy(&bytes).replace("\r\n", "\n");
            Some((p.display().to_string(), text))
        })
        .collect()
}

fn bench_corpus(c: &mut Criterion, name: &str, docs: &[(String, String)]) {
    if docs.is_empty() {
        eprintln!("parse/{name}: no texts found, skipped");
        return;
    }
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    let mut group = c.benchmark_group("parse");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.bench_function(name, |b| {
        b.iter(|| {
            let mut quotes = 0;
            for (source, text) in docs {
                quotes += byline::parse::parse_text(source, text).quotes.len();
            }
            std::hint::black_box(quotes)
        })
    });
    group.finish();
}

fn parse(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    bench_corpus(c, "sample", &texts(&root.join("sample")));
    let bbc = root.join("../shared/data/bbc");
    if bbc.is_dir() {
        bench_corpus(c, "bbc", &texts(&bbc));
    } else {
        eprintln!("parse/bbc: {} not present, skipped", bbc.display());
    }
}

criterion_group!(benches, parse);
criterion_main!(benches);
