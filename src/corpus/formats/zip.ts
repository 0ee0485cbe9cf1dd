/**
 * Just enough of the ZIP format to look inside an Office file before a library unpacks it: the
 * central directory (names and sizes), and one entry inflated with a hard cap on its output. A zip
 * bomb (a few KB that inflate to gigabytes) is refused from the declared sizes before anything is
 * inflated, and an entry that inflates past what it declares is refused as soon as it passes it.
 */
import { inflateRawSync } from 'node:zlib';
import { ArticleError } from '../errors.js';

export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflated. */
  method: number;
  compressedSize: number;
  /** Uncompressed size as the central directory declares it. */
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
/** More entries than any real document holds. */
const MAX_ENTRIES = 20_000;

function notZip(what: string): ArticleError {
  return new ArticleError(`the file is not a valid Word document (${what})`);
}

/** The entries of a ZIP archive, from its central directory. Throws ArticleError when there is none. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < 22 || buf.readUInt32LE(0) !== LOCAL) throw notZip('it is not a ZIP package');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip('the ZIP package is cut short: no central directory');
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || at === 0xffffffff) throw notZip('ZIP64 packages are not read');
  if (count > MAX_ENTRIES) throw notZip(`${count} parts in the package`);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== CENTRAL) throw notZip('the ZIP directory is damaged');
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      method: buf.readUInt16LE(at + 10),
      compressedSize: buf.readUInt32LE(at + 20),
      size: buf.readUInt32LE(at + 24),
      localOffset: buf.readUInt32LE(at + 42),
      name: buf.toString('utf8', at + 46, at + 46 + nameLen),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff) throw notZip('ZIP64 packages are not read');
    entries.push(entry);
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Refuses a package whose parts would unpack to more than `maxBytes` in all. */
export function checkUnpackedSize(entries: readonly ZipEntry[], maxBytes: number): void {
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > maxBytes) {
    throw new ArticleError(`the document would unpack to ${Math.round(total / (1024 * 1024))} MB, over the ${Math.round(maxBytes / (1024 * 1024))} MB limit (a zip bomb?)`);
  }
}

/** One entry's bytes, inflated with its declared size as a hard cap. */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry): Buffer {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > buf.length || buf.readUInt32LE(at) !== LOCAL) throw notZip(`the part ${entry.name} is damaged`);
  const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
  const data = buf.subarray(start, start + entry.compressedSize);
  if (data.length < entry.compressedSize) throw notZip(`the part ${entry.name} is cut short`);
  if (entry.method === 0) return data;
  if (entry.method !== 8) throw notZip(`the part ${entry.name} uses an unknown compression`);
  let out: Buffer;
  try {
    out = inflateRawSync(data, { maxOutputLength: Math.max(entry.size, 1) });
  } catch (e) {
    if (e instanceof RangeError || (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') {
      throw new ArticleError(`the part ${entry.name} unpacks to more than it declares (a zip bomb?)`);
    }
    throw notZip(`the part ${entry.name} cannot be unpacked`);
  }
  return out;
}
