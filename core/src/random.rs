//! Randomness from the operating system's CSPRNG (passwords, request ids, jitter, boundaries).

/// `n` random bytes from the OS CSPRNG.
pub fn bytes(n: usize) -> Vec<u8> {
    let mut buf = vec![0u8; n];
    // The OS generator failing is not recoverable in any useful way; it does not happen on the
    // platforms we build for.
    getrandom::getrandom(&mut buf).expect("the OS random number generator failed");
    buf
}

/// `n` random bytes as lower-case hex (2n characters).
pub fn hex(n: usize) -> String {
    bytes(n).iter().map(|b| format!("{b:02x}")).collect()
}

/// A uniformly random number in `0..bound` (bound > 0), without modulo bias.
pub fn below(bound: u64) -> u64 {
    assert!(bound > 0);
    let zone = u64::MAX - (u64::MAX % bound);
    loop {
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes(8));
        let v = u64::from_le_bytes(b);
        if v < zone {
            return v % bound;
        }
    }
}
