//! Python's `heapq` algorithm (`Modules/_heapqmodule.c`), on timer handles
//! ordered by deadline only (`TimerHandle.__lt__` compares `_when`).
//!
//! Both the event loop and the trace replay use these functions, so the heap
//! array the UI shows is, by construction, the array CPython's
//! `loop._scheduled` holds. Each function reports the moves it made
//! (`from → to` array positions) so the UI can animate sift-up and sift-down.

/// One element moved from one array position to another.
pub(crate) type Move = (u32, u32);

/// Where the functions report their moves: a `Vec<Move>` collects them,
/// [`NoMoves`] drops them (replaying and running need only the array).
pub trait Moves {
    fn record(&mut self, m: Move);
}

impl Moves for Vec<Move> {
    #[inline]
    fn record(&mut self, m: Move) {
        self.push(m);
    }
}

/// Discards the moves: no allocation per heap operation.
pub(crate) struct NoMoves;

impl Moves for NoMoves {
    #[inline]
    fn record(&mut self, _: Move) {}
}

/// An entry of the heap: the deadline and the handle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Entry {
    pub when: f64,
    pub handle: u32,
}

fn lt(a: &Entry, b: &Entry) -> bool {
    a.when < b.when
}

/// `_siftdown(heap, startpos, pos)`: move the item at `pos` up towards the root.
fn siftdown(heap: &mut [Entry], startpos: usize, mut pos: usize, moves: &mut impl Moves) {
    let newitem = heap[pos];
    let from = pos;
    while pos > startpos {
        let parentpos = (pos - 1) >> 1;
        let parent = heap[parentpos];
        if lt(&newitem, &parent) {
            heap[pos] = parent;
            moves.record((parentpos as u32, pos as u32));
            pos = parentpos;
            continue;
        }
        break;
    }
    heap[pos] = newitem;
    if pos != from {
        moves.record((from as u32, pos as u32));
    }
}

/// `_siftup(heap, pos)`: bubble the smaller child up to the leaf, then sift down.
fn siftup(heap: &mut [Entry], mut pos: usize, moves: &mut impl Moves) {
    let endpos = heap.len();
    let startpos = pos;
    let newitem = heap[pos];
    let from = pos;
    let mut childpos = 2 * pos + 1;
    while childpos < endpos {
        let rightpos = childpos + 1;
        if rightpos < endpos && !lt(&heap[childpos], &heap[rightpos]) {
            childpos = rightpos;
        }
        heap[pos] = heap[childpos];
        moves.record((childpos as u32, pos as u32));
        pos = childpos;
        childpos = 2 * pos + 1;
    }
    heap[pos] = newitem;
    if pos != from {
        moves.record((from as u32, pos as u32));
    }
    siftdown(heap, startpos, pos, moves);
}

/// `heapq.heappush`.
pub fn push(heap: &mut Vec<Entry>, item: Entry, moves: &mut impl Moves) {
    heap.push(item);
    let last = heap.len() - 1;
    siftdown(heap, 0, last, moves);
}

/// `heapq.heappop`.
pub fn pop(heap: &mut Vec<Entry>, moves: &mut impl Moves) -> Option<Entry> {
    let last = heap.pop()?;
    if heap.is_empty() {
        return Some(last);
    }
    let top = heap[0];
    heap[0] = last;
    moves.record((heap.len() as u32, 0));
    siftup(heap, 0, moves);
    Some(top)
}

/// `heapq.heapify`.
pub fn heapify(heap: &mut [Entry], moves: &mut impl Moves) {
    let n = heap.len();
    for i in (0..n / 2).rev() {
        siftup(heap, i, moves);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn e(when: f64, handle: u32) -> Entry {
        Entry { when, handle }
    }

    /// Eight timers with equal deadlines leave in CPython's order 0,2,6,5,7,4,1,3
    /// (see the reference README).
    #[test]
    fn equal_deadlines_pop_in_heapq_order() {
        let mut h = Vec::new();
        let mut m = Vec::new();
        for i in 0..8 {
            push(&mut h, e(1.0, i), &mut m);
        }
        let order: Vec<u32> =
            std::iter::from_fn(|| pop(&mut h, &mut m)).map(|x| x.handle).collect();
        assert_eq!(order, vec![0, 2, 6, 5, 7, 4, 1, 3]);
    }

    #[test]
    fn heapify_orders_by_deadline() {
        let mut h: Vec<Entry> = [5.0, 3.0, 8.0, 1.0, 9.0, 2.0]
            .iter()
            .enumerate()
            .map(|(i, w)| e(*w, i as u32))
            .collect();
        let mut m = Vec::new();
        heapify(&mut h, &mut m);
        let order: Vec<f64> = std::iter::from_fn(|| pop(&mut h, &mut m)).map(|x| x.when).collect();
        assert_eq!(order, vec![1.0, 2.0, 3.0, 5.0, 8.0, 9.0]);
    }
}
