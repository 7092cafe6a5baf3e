//! Reading frames from an async byte stream, resynchronising after junk: the server's transport
//! guard reads the client with it, and the fuzz target and tests read whole buffers with
//! [`frames_of`]. (Feature `async`.)

use std::io;

use tokio::io::{AsyncRead, AsyncReadExt};

use crate::{Header, next_frame_start, parse_header};

/// The largest message body accepted (a 10 MB document sent whole fits with room to spare).
pub const MAX_BODY: usize = 64 * 1024 * 1024;

/// What one read of a frame gave.
#[derive(Debug, PartialEq)]
pub enum Frame {
    /// A body of the announced length.
    Body(Vec<u8>),
    /// The start of a run of bytes that are not a frame (only those bytes are skipped, up to where
    /// the next frame may start); one per run, with the reason.
    BadHeader(String),
    /// A body over [`MAX_BODY`]; it was read and dropped.
    TooLarge(usize),
}

/// Every frame in `bytes`, read to the end (for tests and the fuzz target).
pub fn frames_of(bytes: &[u8]) -> Vec<Frame> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a current-thread runtime");
    runtime.block_on(async {
        let mut reader = FrameReader::new(bytes);
        let mut out = Vec::new();
        while let Ok(Some(frame)) = reader.next().await {
            out.push(frame);
        }
        out
    })
}

/// Reads LSP frames from a byte stream. After bytes that are not a frame, reading resumes at the
/// earliest place a frame may start, so that junk never takes the frame after it along.
pub struct FrameReader<R> {
    input: R,
    buf: Vec<u8>,
    eof: bool,
    /// Whether the bytes being skipped were already reported.
    in_junk: bool,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> Self {
        FrameReader {
            input,
            buf: Vec::new(),
            eof: false,
            in_junk: false,
        }
    }

    /// Reads more bytes; false at end of input.
    async fn fill(&mut self) -> io::Result<bool> {
        if self.eof {
            return Ok(false);
        }
        let mut chunk = [0u8; 64 * 1024];
        let n = self.input.read(&mut chunk).await?;
        if n == 0 {
            self.eof = true;
            return Ok(false);
        }
        self.buf.extend_from_slice(&chunk[..n]);
        Ok(true)
    }

    /// The next frame, or `None` at end of input (a message cut off by the end is dropped).
    pub async fn next(&mut self) -> io::Result<Option<Frame>> {
        loop {
            match parse_header(&self.buf) {
                Header::Complete {
                    len,
                    content_length,
                } => {
                    self.in_junk = false;
                    self.buf.drain(..len);
                    if content_length > MAX_BODY {
                        self.skip(content_length).await?;
                        return Ok(Some(Frame::TooLarge(content_length)));
                    }
                    return Ok(self.body(content_length).await?.map(Frame::Body));
                }
                Header::Invalid(why) => {
                    // Skip only up to the next place a frame may start (or may be starting, at the
                    // end of what has arrived).
                    let at = next_frame_start(&self.buf);
                    self.buf.drain(..at);
                    if !self.in_junk {
                        self.in_junk = true;
                        return Ok(Some(Frame::BadHeader(why)));
                    }
                }
                Header::Incomplete => {
                    if !self.fill().await? {
                        return Ok(None);
                    }
                }
            }
        }
    }

    async fn body(&mut self, len: usize) -> io::Result<Option<Vec<u8>>> {
        while self.buf.len() < len {
            if !self.fill().await? {
                return Ok(None);
            }
        }
        Ok(Some(self.buf.drain(..len).collect()))
    }

    async fn skip(&mut self, mut len: usize) -> io::Result<()> {
        loop {
            let n = len.min(self.buf.len());
            self.buf.drain(..n);
            len -= n;
            if len == 0 || !self.fill().await? {
                return Ok(());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{declares_length, frame};

    use proptest::prelude::*;

    /// The bodies among `frames`.
    fn bodies(frames: Vec<Frame>) -> Vec<Vec<u8>> {
        frames
            .into_iter()
            .filter_map(|f| match f {
                Frame::Body(body) => Some(body),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn reads_frames_and_resyncs_after_garbage() {
        let mut bytes = b"garbage\r\n\r\n".to_vec();
        bytes.extend(frame(br#"{"a":1}"#));
        bytes.extend(b"Content-Length: x\r\n\r\n");
        bytes.extend(frame(br#"{"b":2}"#));
        let frames = frames_of(&bytes);
        assert_eq!(
            frames,
            vec![
                Frame::BadHeader("malformed header line \"garbage\"".into()),
                Frame::Body(br#"{"a":1}"#.to_vec()),
                Frame::BadHeader("invalid Content-Length \"x\"".into()),
                Frame::Body(br#"{"b":2}"#.to_vec()),
            ]
        );
    }

    #[test]
    fn a_message_cut_off_by_end_of_input_is_dropped() {
        let frames = frames_of(b"Content-Length: 50\r\n\r\n{\"jsonrpc\"");
        assert!(frames.is_empty());
    }

    #[test]
    fn oversized_bodies_are_skipped() {
        let mut bytes = format!("Content-Length: {}\r\n\r\n", MAX_BODY + 1).into_bytes();
        bytes.resize(bytes.len() + MAX_BODY + 1, b' ');
        bytes.extend(frame(b"{}"));
        let frames = frames_of(&bytes);
        assert_eq!(
            frames,
            vec![Frame::TooLarge(MAX_BODY + 1), Frame::Body(b"{}".to_vec())]
        );
    }

    #[test]
    fn junk_right_before_a_frame_is_skipped_and_the_frame_kept() {
        let good = br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#;
        let lf_only = b"Content-Length: 2\n\n{}".to_vec();
        for junk in [b"\r\n".to_vec(), b"hello".to_vec(), b"\n".to_vec(), lf_only] {
            let mut bytes = junk.clone();
            bytes.extend(frame(good));
            bytes.extend(frame(b"{}"));
            let frames = frames_of(&bytes);
            assert!(
                matches!(frames[0], Frame::BadHeader(_)),
                "{:?}: {frames:?}",
                String::from_utf8_lossy(&junk)
            );
            assert_eq!(
                bodies(frames),
                vec![good.to_vec(), b"{}".to_vec()],
                "{:?}",
                String::from_utf8_lossy(&junk)
            );
        }
    }

    #[test]
    fn a_junk_run_is_reported_once() {
        let mut bytes = b"hello world, this is not a header\r\n\r\nnor this\n".to_vec();
        bytes.extend(frame(b"{}"));
        let frames = frames_of(&bytes);
        assert_eq!(frames.len(), 2, "{frames:?}");
        assert_eq!(frames[1], Frame::Body(b"{}".to_vec()));
    }

    #[test]
    fn other_headers_may_come_first() {
        let mut bytes = b"junk".to_vec();
        bytes.extend(b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}");
        assert_eq!(bodies(frames_of(&bytes)), vec![b"{}".to_vec()]);
    }

    #[test]
    fn length_lines_are_recognised_in_junk() {
        assert!(declares_length(b"xx content-LENGTH:5\r\n"));
        assert!(declares_length(b"Content-Length:  12 \r\nrest"));
        assert!(!declares_length(b"Content-Length: twelve\r\n"));
        assert!(!declares_length(b"Content-Length: 5"));
        assert!(!declares_length(b"Content-Length: 5\n\n"));
        assert!(!declares_length(b"hello"));
        // A space before the colon makes it another header's name.
        assert!(!declares_length(b"Content-Length :5\r\n"));
    }

    /// Pieces junk is built from: line ends of every kind, header-like text, JSON and raw bytes.
    fn junk() -> impl Strategy<Value = Vec<u8>> {
        let piece = prop_oneof![
            Just(b"\r\n".to_vec()),
            Just(b"\n".to_vec()),
            Just(b"\r".to_vec()),
            Just(b"\r\n\r\n".to_vec()),
            Just(b"hello".to_vec()),
            Just(b"Content-Length".to_vec()),
            Just(b"content-type".to_vec()),
            Just(b": ".to_vec()),
            Just(b"12".to_vec()),
            Just(b"twelve".to_vec()),
            Just(b"Content-Type: text/plain\r\n".to_vec()),
            Just(br#"{"jsonrpc":"2.0","id":1,"method":"shutdown"}"#.to_vec()),
            prop::collection::vec(any::<u8>(), 0..24),
        ];
        prop::collection::vec(piece, 0..12).prop_map(|pieces| pieces.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// Junk between frames costs only the junk: every frame after a junk run is delivered,
        /// in order, and nothing else is.
        #[test]
        fn every_frame_after_junk_is_delivered(
            runs in prop::collection::vec(junk(), 1..5),
            bodies_in in prop::collection::vec("[a-z0-9 {}\":,]{0,40}", 1..5),
        ) {
            prop_assume!(runs.iter().all(|junk| !declares_length(junk)));
            let mut bytes = Vec::new();
            for (i, body) in bodies_in.iter().enumerate() {
                bytes.extend(&runs[i % runs.len()]);
                bytes.extend(frame(body.as_bytes()));
            }
            let got = bodies(frames_of(&bytes));
            let want: Vec<Vec<u8>> = bodies_in.iter().map(|b| b.clone().into_bytes()).collect();
            prop_assert_eq!(got, want);
        }
    }
}
