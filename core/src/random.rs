//! Randomness from the operating system's CSPRNG (passwords, request ids, jitter, boundaries).
//!
//! Secrets (generated passwords) take their bytes straight from the OS ([`below`]).
//! Identifiers made on every call (request ids, XML transaction ids, multipart boundaries) take
//! theirs from a small per-thread batch of OS bytes ([`id_hex`]): one system call per batch
//! instead of one per call. A batch never crosses a `fork()`: a child draws its own.

use std::cell::RefCell;

/// Fill `buf` from the OS CSPRNG.
fn fill(buf: &mut [u8]) {
    // The OS generator failing is not recoverable in any useful way; it does not happen on the
    // platforms we build for.
    getrandom::getrandom(buf).expect("the OS random number generator failed");
}

/// How many OS bytes a thread draws at once for identifiers.
const BATCH: usize = 256;

/// A thread's unused identifier bytes: the process that drew them, the bytes, how many are used.
struct Batch {
    pid: u32,
    bytes: [u8; BATCH],
    used: usize,
}

thread_local! {
    static BATCH_OF_THIS_THREAD: RefCell<Batch> = const {
        RefCell::new(Batch { pid: 0, bytes: [0; BATCH], used: BATCH })
    };
}

/// `n` (at most 64) random bytes as lower-case hex for an identifier that is not a secret: OS
/// CSPRNG bytes, drawn a batch at a time per thread, never the same in a parent and its forked
/// child.
pub fn id_hex(n: usize) -> String {
    let n = n.min(BATCH / 4);
    BATCH_OF_THIS_THREAD.with(|cell| {
        let mut batch = cell.borrow_mut();
        let pid = crate::process::id();
        if batch.pid != pid || batch.used + n > BATCH {
            fill(&mut batch.bytes);
            batch.pid = pid;
            batch.used = 0;
        }
        let start = batch.used;
        batch.used += n;
        // Used bytes are wiped: a later batch never repeats them, and memory keeps no spent id.
        let out = to_hex(&batch.bytes[start..start + n]);
        batch.bytes[start..start + n].fill(0);
        out
    })
}

fn to_hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// A uniformly random number in `0..bound` (bound > 0), without modulo bias.
pub fn below(bound: u64) -> u64 {
    assert!(bound > 0);
    let zone = u64::MAX - (u64::MAX % bound);
    loop {
        let mut b = [0u8; 8];
        fill(&mut b);
        let v = u64::from_le_bytes(b);
        if v < zone {
            return v % bound;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn identifiers_are_hex_of_the_asked_length_and_do_not_repeat() {
        // More than a batch's worth, so refills are crossed.
        let ids: Vec<String> = (0..200).map(|_| id_hex(10)).collect();
        assert!(ids.iter().all(|id| id.len() == 20
            && id
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))));
        assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len());
        assert_eq!(id_hex(1000).len(), 128, "capped at 64 bytes");
    }

    #[test]
    fn hex_spells_each_byte_as_two_lower_case_digits() {
        assert_eq!(to_hex(&[0x00, 0x0f, 0xa5, 0xff]), "000fa5ff");
    }
}
