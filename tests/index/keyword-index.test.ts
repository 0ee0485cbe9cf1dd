import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KeywordIndex } from '../../src/index/keyword-index.js';
import { passageTerms } from '../../src/index/terms.js';
import { analyzeQuery } from '../../src/search/analyse.js';
import { topK } from '../../src/search/topk.js';

const docs = [
  'Đảng bộ Khối các cơ quan thành phố có 62 tổ chức cơ sở đảng, với 4.466 đảng viên.',
  'Tổ chức thành công Festival Nghề truyền thống Huế 2021.',
  'Đảng bộ đã giới thiệu kết nạp được 07 đảng viên (đạt chỉ tiêu).',
  'Công tác cải cách hành chính có chuyển biến tốt.',
];

function search(index: KeywordIndex, question: string): number[] {
  const q = analyzeQuery(question);
  const scores = new Float32Array(index.docCount);
  index.accumulate(q.terms.map((t) => index.match(t)).filter((m) => m !== null), scores);
  return topK(scores, 10);
}

describe('KeywordIndex', () => {
  const index = KeywordIndex.build(docs.map(passageTerms));

  it('ranks the paragraph that shares the rare words first', () => {
    expect(search(index, 'có bao nhiêu đảng viên trong 62 tổ chức cơ sở đảng')[0]).toBe(0);
    expect(search(index, 'festival nghề truyền thống')[0]).toBe(1);
  });
  it('matches numbers whatever their notation', () => {
    expect(search(index, '4466 đảng viên')[0]).toBe(0);
    expect(search(index, 'kết nạp 7 đảng viên')[0]).toBe(2);
  });
  it('matches unaccented questions through folded variants', () => {
    expect(search(index, 'cai cach hanh chinh')[0]).toBe(3);
    expect(search(index, 'le hoi festival nghe truyen thong hue')[0]).toBe(1);
  });
  it('finds nothing for words the corpus lacks', () => {
    expect(search(index, 'giá vàng SJC')).toEqual([]);
  });
  it('round-trips through its binary form', () => {
    const copy = KeywordIndex.deserialize(index.serialize());
    expect(copy.docCount).toBe(index.docCount);
    expect(copy.termCount).toBe(index.termCount);
    expect(search(copy, 'festival nghề truyền thống')).toEqual(search(index, 'festival nghề truyền thống'));
  });
  it('rejects damaged bytes with a reason', () => {
    const buf = index.serialize();
    expect(() => KeywordIndex.deserialize(buf.subarray(0, buf.length - 10))).toThrow(/truncated|inconsistent/);
    expect(() => KeywordIndex.deserialize(Buffer.from('garbage'))).toThrow(/not a keyword index/);
  });
  it('updates incrementally to exactly what a full build gives', () => {
    // drop doc 1, keep 0, 2, 3 in order, add a new one
    const keep = Int32Array.from([0, -1, 1, 2]);
    const extra = 'Đồng chí Lê Tiến Châu chủ trì buổi làm việc.';
    const updated = KeywordIndex.update(index, keep, [passageTerms(extra)]);
    const full = KeywordIndex.build([docs[0]!, docs[2]!, docs[3]!, extra].map(passageTerms));
    expect(updated.docCount).toBe(4);
    for (const q of ['đảng viên', 'Lê Tiến Châu chủ trì', 'festival', 'cai cach']) {
      expect(search(updated, q)).toEqual(search(full, q));
    }
    expect(updated.has('festival')).toBe(false);
  });
});

describe('topK', () => {
  it('returns the k best positive scores, best first, ties by index', () => {
    expect(topK(Float32Array.from([0, 3, 1, 3, 0, 2]), 3)).toEqual([1, 3, 5]);
    expect(topK(Float32Array.from([0, 0]), 3)).toEqual([]);
  });
});

describe('KeywordIndex.open (postings read from the file per term)', () => {
  it('matches, folds and scores exactly as the index in memory, and merges like it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kw-open-'));
    try {
      const many = [...docs, 'Dang vien moi duoc ket nap trong dot nay la 12 nguoi.', 'Đăng ký đảng viên mới tại Huế.'];
      const mem = KeywordIndex.build(many.map(passageTerms));
      const file = path.join(dir, 'keyword.bin');
      writeFileSync(file, mem.serialize());
      const disk = KeywordIndex.open(file, mem.serialize().length);
      for (const question of ['đảng viên', 'dang vien', 'cai cach hanh chinh', 'festival nghề truyền thống Huế', '4466 đảng viên', 'kết nạp']) {
        for (const t of analyzeQuery(question).terms) {
          const a = mem.match(t);
          const b = disk.match(t);
          expect(b && { idf: b.idf, docs: [...b.docs], tfs: [...b.tfs] }).toEqual(a && { idf: a.idf, docs: [...a.docs], tfs: [...a.tfs] });
        }
        expect(search(disk, question)).toEqual(search(mem, question));
      }
      expect(disk.serialize().equals(mem.serialize())).toBe(true);
      const keep = Int32Array.from([0, -1, 1, 2, 3, 4]);
      expect(KeywordIndex.update(disk, keep, [passageTerms('Hội nghị mới.')]).serialize().equals(KeywordIndex.update(mem, keep, [passageTerms('Hội nghị mới.')]).serialize())).toBe(true);
      expect(() => KeywordIndex.open(file, 10)).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
