//! Arbitrary bytes through decoding and the whole parse, then the JSON view.
#![no_main]

use byline::input::{self, LoadOptions};
use byline::{json, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let loaded = input::load_bytes("fuzz.txt", data, Some(false), &LoadOptions::default());
    for doc in loaded.documents {
        let article = parse::parse_document(doc);
        let bytes = json::to_json(&article, false).expect("serialisable");
        // The contract: valid JSON, no raw control characters.
        assert!(bytes.iter().all(|&b| b >= 0x20 && b != 0x7f));
        assert!(serde_json::from_slice::<serde_json::Value>(&bytes).is_ok());
    }
});
