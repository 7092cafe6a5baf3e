//! The language server's framing layer on arbitrary bytes between valid frames: unless the bytes
//! hold a `Content-Length` header line of their own (then they are a header, not junk), every
//! frame after them is still delivered, in order, and nothing else is.
#![no_main]

use interview_framing::{Frame, declares_length, frame, frames_of};
use libfuzzer_sys::fuzz_target;

const BODIES: [&[u8]; 3] = [
    br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#,
    br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#,
    b"{}",
];

fuzz_target!(|junk: &[u8]| {
    if declares_length(junk) {
        return;
    }
    // The junk before, between and after the frames.
    let mut bytes = junk.to_vec();
    for body in BODIES {
        bytes.extend(frame(body));
        bytes.extend(junk);
    }
    let bodies: Vec<Vec<u8>> = frames_of(&bytes)
        .into_iter()
        .filter_map(|f| match f {
            Frame::Body(body) => Some(body),
            _ => None,
        })
        .collect();
    let want: Vec<Vec<u8>> = BODIES.iter().map(|b| b.to_vec()).collect();
    assert_eq!(bodies, want, "junk {:?}", String::from_utf8_lossy(junk));
});
