/**
 * The vector store behind dense retrieval. Search depends on the `VectorStore` interface only; the
 * HNSW graph of hnswlib-node is the one implementation (cosine space, unit vectors).
 */
import hnswlib from 'hnswlib-node';

/** HNSW graph shape: M links per node and the build-time beam. hnswlib's defaults suit ~10^5 vectors. */
export const HNSW_M = 16;
export const HNSW_EF_CONSTRUCTION = 200;
/** Spare capacity when the graph grows, so that adding one article does not resize it every time. */
const GROWTH = 1.2;
const MIN_CAPACITY = 16;

export interface Neighbour {
  label: number;
  cosine: number;
}

/** What retrieval needs from a vector index. */
export interface VectorStore {
  readonly dim: number;
  count(): number;
  /** The k nearest stored vectors to `query`, nearest first. */
  search(query: Float32Array, k: number): Neighbour[];
  /** The stored vector of `label`, or null when there is none. */
  vectorOf(label: number): Float32Array | null;
}

export class HnswVectorStore implements VectorStore {
  private constructor(
    readonly dim: number,
    private readonly graph: hnswlib.HierarchicalNSW,
  ) {}

  /** An empty graph with room for `capacity` vectors. */
  static create(dim: number, capacity: number): HnswVectorStore {
    const graph = new hnswlib.HierarchicalNSW('cosine', dim);
    graph.initIndex({ maxElements: Math.max(MIN_CAPACITY, capacity), m: HNSW_M, efConstruction: HNSW_EF_CONSTRUCTION, randomSeed: 42, allowReplaceDeleted: true });
    return new HnswVectorStore(dim, graph);
  }

  /** Reads a graph file; the caller has checked the file (size, checksum, header) before native code sees it. */
  static open(file: string, dim: number): HnswVectorStore {
    const graph = new hnswlib.HierarchicalNSW('cosine', dim);
    graph.readIndexSync(file, true);
    return new HnswVectorStore(dim, graph);
  }

  count(): number {
    return this.graph.getCurrentCount();
  }

  search(query: Float32Array, k: number): Neighbour[] {
    const n = Math.min(k, this.count());
    if (n <= 0) return [];
    const res = this.graph.searchKnn(Array.from(query), n);
    return res.neighbors.map((label, i) => ({ label, cosine: 1 - res.distances[i]! }));
  }

  vectorOf(label: number): Float32Array | null {
    try {
      return Float32Array.from(this.graph.getPoint(label));
    } catch {
      return null;
    }
  }

  /** Removes a vector from search results (its slot is reused by a later add). */
  remove(label: number): void {
    this.graph.markDelete(label);
  }

  /** Makes room for `extra` more vectors. */
  reserve(extra: number): void {
    const need = this.count() + extra;
    if (need > this.graph.getMaxElements()) this.graph.resizeIndex(Math.ceil(need * GROWTH));
  }

  add(vector: Float32Array, label: number, replaceDeleted: boolean): void {
    this.graph.addPoint(Array.from(vector), label, replaceDeleted);
  }

  async save(file: string): Promise<void> {
    await this.graph.writeIndex(file);
  }
}
