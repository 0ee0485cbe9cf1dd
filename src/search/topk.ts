/** Indices of the k largest positive values of `scores`, best first (a bounded min-heap: O(n log k)). */
export function topK(scores: Float32Array, k: number): number[] {
  const heap: number[] = [];
  const less = (a: number, b: number) => scores[a]! < scores[b]! || (scores[a] === scores[b] && a > b);
  const down = (i: number) => {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < heap.length && less(heap[l]!, heap[m]!)) m = l;
      if (r < heap.length && less(heap[r]!, heap[m]!)) m = r;
      if (m === i) return;
      [heap[i], heap[m]] = [heap[m]!, heap[i]!];
      i = m;
    }
  };
  const up = (i: number) => {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(heap[i]!, heap[p]!)) return;
      [heap[i], heap[p]] = [heap[p]!, heap[i]!];
      i = p;
    }
  };
  // Once the heap is full, a later index enters only with a strictly higher score than its least (ties
  // keep the earlier index): most of a long scan is then one comparison.
  let least = Number.POSITIVE_INFINITY;
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i]!;
    if (!(s > 0)) continue;
    if (heap.length < k) {
      heap.push(i);
      up(heap.length - 1);
      if (heap.length === k) least = scores[heap[0]!]!;
    } else if (k > 0 && s > least) {
      heap[0] = i;
      down(0);
      least = scores[heap[0]!]!;
    }
  }
  return heap.sort((a, b) => (less(a, b) ? 1 : less(b, a) ? -1 : 0));
}
