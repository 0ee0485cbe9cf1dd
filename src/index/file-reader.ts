/**
 * A file read piece by piece (positioned reads), for index files too large to keep in a serving
 * process's heap: the operating system's page cache holds them instead, shared and reclaimable.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/** Closes the descriptor once no reader can use it any more (an index swapped out and collected). */
const closer = new FinalizationRegistry<number>((fd) => {
  try {
    closeSync(fd);
  } catch {
    /* already closed */
  }
});

export class FileReader {
  private readonly fd: number;

  /** Opened once: the file may be removed later (an older version pruned); the open file still reads. */
  constructor(file: string) {
    this.fd = openSync(file, 'r');
    closer.register(this, this.fd);
  }

  /** Fills `into` with the bytes at `position`; throws when the file is shorter. */
  readInto(into: ArrayBufferView, position: number): void {
    const bytes = new Uint8Array(into.buffer, into.byteOffset, into.byteLength);
    let done = 0;
    while (done < bytes.length) {
      const n = readSync(this.fd, bytes, done, bytes.length - done, position + done);
      if (n === 0) throw new Error('file shorter than expected');
      done += n;
    }
  }

  read(position: number, length: number): Buffer {
    const buf = Buffer.allocUnsafe(length);
    this.readInto(buf, position);
    return buf;
  }
}
