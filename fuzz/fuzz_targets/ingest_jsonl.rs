//! Arbitrary bytes as a JSON Lines file: records load or are reported, never panic.
#![no_main]

use byline::input::{self, LoadOptions};
use byline::parse;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = input::load_bytes("fuzz.jsonl", data, Some(true), &LoadOptions::default());
    for doc in loaded.documents {
        let _ = parse::parse_document(doc);
    }
});
