// rustlib.rs: a wasm32-unknown-unknown cdylib with panic machinery: unwrap, bounds checks, panic!/format!, overflow checks (debug).

use std::fmt::Write;

static PRIMES: [u32; 8] = [2, 3, 5, 7, 11, 13, 17, 19];

/// Bounds-checked indexing: panics ("index out of bounds") when i >= 8.
#[no_mangle]
pub extern "C" fn nth_prime(i: u32) -> u32 {
    PRIMES[i as usize]
}

/// `unwrap()` on an Option: panics on a byte that is not an ASCII digit.
#[no_mangle]
pub extern "C" fn digit_value(c: u32) -> u32 {
    char::from_u32(c).unwrap().to_digit(10).unwrap()
}

/// Plain arithmetic: with -C debug-assertions / opt-level=0 this carries
/// "attempt to add with overflow" / "attempt to multiply with overflow" checks.
#[no_mangle]
pub extern "C" fn mix(a: u32, b: u32) -> u32 {
    a * 31 + b
}

/// `panic!` with a formatted message.
#[no_mangle]
pub extern "C" fn checked_div(a: i32, b: i32) -> i32 {
    if b == 0 {
        panic!("checked_div: {} / 0", a);
    }
    a / b
}

/// `format!`/`write!` into a heap String: pulls in core::fmt and the allocator.
#[no_mangle]
pub extern "C" fn describe_len(n: u32) -> u32 {
    let mut s = format!("n={} primes:", n);
    for p in PRIMES.iter().take((n as usize).min(PRIMES.len())) {
        write!(s, " {}", p).unwrap();
    }
    s.len() as u32
}

