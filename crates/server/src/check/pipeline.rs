//! An ordered, bounded parallel map: batches of items are worked on by a pool of threads and
//! their results handed on in input order, each as soon as it and every earlier one are done.
//!
//! At most `window` batches are in flight (read but not yet handed on), so memory stays bounded
//! whatever the number of items, and a slow item holds back only the output, never more reading
//! than the window. A batch is one job for the pool and one message back: threads wake once per
//! batch instead of once per item.

use std::collections::BTreeMap;
use std::sync::mpsc;

/// Runs `work` over the items of `batches` on `threads` threads and passes each result to `sink`
/// in the order of the items, as `Some(result)`; `sink(None)` says that the next result is not
/// ready yet (time to flush output). `sink` is called on the calling thread. When it returns
/// `false` no further batch is started, and the results of those in flight are dropped.
///
/// `batches` is drawn on a thread of its own, so it may block (reading standard input).
pub fn ordered_map<T, R>(
    threads: usize,
    window: usize,
    batches: impl Iterator<Item = Vec<T>> + Send,
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
            for item in batches.flatten() {
                if !sink(Some(work(item))) {
                    break;
                }
            }
            return;
        }
    };
    let (done_tx, done_rx) = mpsc::channel::<(usize, Vec<R>)>();
    // A slot is taken for each batch started and given back when its results are handed on.
    let (slot_tx, slot_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        let _ = slot_tx.send(());
    }
    let work = &work;
    std::thread::scope(|scope| {
        scope.spawn(move || {
            pool.in_place_scope(|pool_scope| {
                let mut batches = batches.enumerate();
                // A slot first, then the batch: nothing is read beyond the window.
                while slot_rx.recv().is_ok() {
                    let Some((index, batch)) = batches.next() else {
                        break;
                    };
                    let done_tx = done_tx.clone();
                    pool_scope.spawn(move |_| {
                        let _ = done_tx.send((index, batch.into_iter().map(work).collect()));
                    });
                }
                drop(done_tx);
            });
        });
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        loop {
            let (index, results) = match done_rx.try_recv() {
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
            waiting.insert(index, results);
            let mut stopped = false;
            while let Some(results) = waiting.remove(&next) {
                next += 1;
                stopped = !results.into_iter().all(|result| sink(Some(result)));
                if stopped {
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

    /// `0..n` in batches of 1, 2, 3, ... 6 items, then again from 1.
    fn uneven_batches(n: u64) -> impl Iterator<Item = Vec<u64>> + Send {
        let mut next = 0;
        (0..).map_while(move |k: u64| {
            let end = (next + k % 6 + 1).min(n);
            let batch: Vec<u64> = (next..end).collect();
            next = end;
            (!batch.is_empty()).then_some(batch)
        })
    }

    #[test]
    fn results_come_out_in_input_order_whatever_the_threads() {
        for threads in [1, 2, 4] {
            let mut out = Vec::new();
            ordered_map(
                threads,
                3,
                uneven_batches(200),
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
            (0..100)
                .inspect(|_| {
                    started.fetch_add(1, Ordering::SeqCst);
                })
                .map(|i| vec![i]),
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
            (0..1_000_000)
                .inspect(|_| {
                    started.fetch_add(1, Ordering::SeqCst);
                })
                .map(|i| vec![i]),
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
