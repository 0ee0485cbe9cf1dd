/** review12a: a non-admin's report file with a descriptive caption must still be told uploads are admin-only. */
import { describe, expect, it } from 'vitest';
import { freshUserId, useHarness } from './harness.js';

const h = useHarness();

describe('a report file with a caption, from someone who may not add reports', () => {
  it('is refused as an upload (the caption is no question)', async () => {
    const u = h().fake.user(freshUserId());
    const mark = h().fake.mark();
    const doc = h().fake.sendDocument({ from: u, fileName: 'bao-cao-cam-lo-2024.txt', bytes: 'BÁO CÁO', caption: 'Báo cáo tổng kết công tác xây dựng Đảng năm 2024 của Huyện ủy Cam Lộ, nhờ bot lưu lại' });
    const texts = (await h().settle(doc.update_id, u.id, mark, 600)).filter((c) => c.method === 'sendMessage').map((c) => String(c.params.text).replace(/<[^>]+>/gu, ''));
    console.log('REPLIES:', texts.map((t) => t.slice(0, 160)));
    expect(texts.join('\n')).toMatch(/chỉ quản trị viên/u);
  });
});
