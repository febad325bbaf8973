//! The XML decoder alone on the bytes of one reply, side by side in one process: the decoder a
//! call runs (`phonecom::xml::decode_response`: `getCallList` in one pass over the text) and
//! the full parser it falls back to (roxmltree, then the mapping to JSON), in interleaved
//! rounds. Prints one line per decoder: the median over rounds of the time per decode and
//! decodes per second, and the ratio between them. Also a target for `perf record`.
//!
//! ```text
//! cargo run -p phonecom-bench --release --bin xml_decode -- FILE [ACTION] [CALLS] [ROUNDS]
//! xml_decode target/bench/www/calls.xml getCallList 500 7
//! ```
//!
//! `bench/run.sh` writes the 500-row `getCallList` reply to `target/bench/www/calls.xml`; any
//! saved reply works (the action defaults to `getCallList`). The two decoders' results are
//! compared once before timing: the run stops if they differ.

use phonecom::fuzzing::xml_decode_tree;
use phonecom::xml::decode_response;
use std::time::Instant;

type Decoder = fn(&str, &[u8]) -> phonecom::Result<serde_json::Value>;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: xml_decode FILE [ACTION] [CALLS] [ROUNDS]");
        std::process::exit(2);
    };
    let action = args.get(1).map_or("getCallList", String::as_str);
    let number =
        |i: usize, default: u32| args.get(i).and_then(|a| a.parse().ok()).unwrap_or(default);
    let (calls, rounds) = (number(2, 500), number(3, 7));
    let body = std::fs::read(path).unwrap_or_else(|e| {
        eprintln!("xml_decode: {path}: {e}");
        std::process::exit(2);
    });
    let decoders: [(&str, Decoder); 2] = [
        ("decode_response (one pass)", decode_response),
        ("full parser (roxmltree)", xml_decode_tree),
    ];
    let reference = format!("{:?}", xml_decode_tree(action, &body));
    assert_eq!(
        format!("{:?}", decode_response(action, &body)),
        reference,
        "the decoders disagree on {path}"
    );
    let mut times = vec![Vec::new(); decoders.len()];
    for round in 0..rounds {
        for (i, (_, decode)) in decoders.iter().enumerate() {
            let started = Instant::now();
            for _ in 0..calls {
                std::hint::black_box(decode(action, std::hint::black_box(&body)).is_ok());
            }
            if round > 0 {
                // The first round warms caches and the allocator.
                times[i].push(started.elapsed().as_secs_f64() / f64::from(calls));
            }
        }
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|t| {
            t.sort_by(f64::total_cmp);
            t.get(t.len() / 2).copied().unwrap_or(f64::NAN)
        })
        .collect();
    println!(
        "{action}, {} B, {calls} decodes x {} rounds (medians):",
        body.len(),
        rounds - 1
    );
    for ((name, _), secs) in decoders.iter().zip(&medians) {
        println!("  {name:28} {:8.1} us  {:8.0} /s", secs * 1e6, 1.0 / secs);
    }
    println!(
        "  ratio                        {:.2} x",
        medians[1] / medians[0]
    );
}
