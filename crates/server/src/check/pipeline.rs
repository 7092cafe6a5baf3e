//! An ordered, bounded parallel map: items are worked on by a pool of threads and their results
//! handed on in input order, each as soon as it and every earlier one are done.
//!
//! At most `window` items are in flight (read but not yet handed on), so memory stays bounded
//! whatever the number of items, and a slow item holds back only the output, never more reading
//! than the window.

use std::collections::BTreeMap;
use std::sync::mpsc;

/// Runs `work` over `items` on `threads` threads and passes each result to `sink` in the order of
/// `items`, as `Some(result)`; `sink(None)` says that the next result is not ready yet (time to
/// flush output). `sink` is called on the calling thread. When it returns `false` no further
/// item is started, and the results of those in flight are dropped.
///
/// `items` is drawn on a thread of its own, so it may block (reading standard input).
pub fn ordered_map<T, R>(
    threads: usize,
    window: usize,
    items: impl Iterator<Item = T> + Send,
    work: impl Fn(T) -> R + Sync,
    mut sink: impl FnMut(Option<R>) -> bool,
) where
    T: Send,
    R: Send,
{
    let window = window.max(1);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads.max(1))
        .thread_name(|i| format!("check-{i}"))
        .build();
    let pool = match pool {
        Ok(pool) => pool,
        // No threads could be started: work on this thread instead.
        Err(_) => {
            for item in items {
                if !sink(Some(work(item))) {
                    break;
                }
            }
            return;
        }
    };
    let (done_tx, done_rx) = mpsc::channel::<(usize, R)>();
    // A slot is taken for each item started and given back when its result is handed on.
    let (slot_tx, slot_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = slot_tx.send(());
    }
    let work = &work;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            pool.in_place_scope(|pool_scope| {
                let mut items = items.enumerate();
                // A slot first, then the item: nothing is read beyond the window.
                while slot_rx.recv().is_ok() {
                    let Some((index, item)) = items.next() else {
                        break;
                    };
                    let done_tx = done_tx.clone();
                    pool_scope.spawn(move |_| {
                        let _ = done_tx.send((index, work(item)));
                    });
                }
                drop(done_tx);
            });
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        loop {
            let (index, result) = match done_rx.try_recv() {
                Ok(done) => done,
                Err(mpsc::TryRecvError::Empty) => {
                    if !sink(None) {
                        drop(slot_tx);
                        break;
                    }
                    match done_rx.recv() {
                        Ok(done) => done,
                        Err(_) => break,
                    }
                }
                Err(mpsc::TryRecvError::Disconnected) => break,
            };
            waiting.insert(index, result);
            let mut stopped = false;
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if !sink(Some(result)) {
                    stopped = true;
                    break;
                }
                let _ = slot_tx.send(());
            }
            if stopped {
                // Ends the producer at its next item; results still in flight are dropped.
                drop(slot_tx);
                break;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn results_come_out_in_input_order_whatever_the_threads() {
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            ordered_map(
                threads,
                3,
                0..200u64,
                // Later items finish first: a spin proportional to the distance from the end.
                |i| {
                    let mut x = 0u64;
                    for k in 0..(200 - i) * 200 {
                        x = x.wrapping_add(k);
                    }
                    std::hint::black_box(x);
                    i * 2
                },
                |r| {
                    out.extend(r);
                    true
                },
            );
            assert_eq!(
                out,
                (0..200).map(|i| i * 2).collect::<Vec<_>>(),
                "{threads}"
            );
        }
    }

    #[test]
    fn no_more_than_the_window_is_in_flight() {
        let started = AtomicUsize::new(0);
        let mut handed = 0;
        let mut most = 0;
        ordered_map(
            2,
            4,
            (0..100).inspect(|_| {
                started.fetch_add(1, Ordering::SeqCst);
            }),
            |i| i,
            |r| {
                if r.is_some() {
                    handed += 1;
                    most = most.max(started.load(Ordering::SeqCst) - (handed - 1));
                }
                true
            },
        );
        assert_eq!(handed, 100);
        assert!(most <= 4, "{most} items in flight");
    }

    #[test]
    fn a_sink_that_stops_stops_the_reading() {
        let started = AtomicUsize::new(0);
        let mut handed = 0;
        ordered_map(
            2,
            4,
            (0..1_000_000).inspect(|_| {
                started.fetch_add(1, Ordering::SeqCst);
            }),
            |i| i,
            |r| {
                handed += usize::from(r.is_some());
                handed < 10
            },
        );
        assert_eq!(handed, 10);
        assert!(started.load(Ordering::SeqCst) <= 10 + 4);
    }
}
