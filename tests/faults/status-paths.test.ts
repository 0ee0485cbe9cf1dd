/** Fault: /status showed server file paths (the index folder, paths inside reasons) to any allowed user. */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { freshUserId, startHarness, type Harness } from '../bot/harness.js';

const INDEX_DIR = '/srv/secret-place/embeddings';

describe('/status and file paths', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    const real = h.engine.status.bind(h.engine);
    vi.spyOn(h.engine, 'status').mockImplementation(() => ({
      ...real(),
      indexDir: INDEX_DIR,
      degradedReason: `cannot read ${INDEX_DIR}/vectors.bin (also tried /opt/models/tiny-vi/model.onnx): keyword search only`,
    }));
  });
  afterEach(() => {
    expect(h.fake.rejections()).toEqual([]);
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await h?.stop();
  });

  const status = async (userId: number) => {
    const mark = h.fake.mark();
    const q = h.fake.sendText({ from: h.fake.user(userId), text: '/status' });
    return h.fake.waitForCall('sendMessage', { since: mark, where: (c) => Number(c.params.chat_id) === q.chat.id });
  };

  it('shows no server path to a user who is not an admin', async () => {
    const reply = await status(freshUserId());
    const text = String(reply.params.text);
    expect(text).toMatch(/Trạng thái/);
    expect(text).not.toContain('/srv/');
    expect(text).not.toContain('/opt/');
    expect(text).not.toContain('secret-place');
    // The reason itself is still given.
    expect(text).toContain('keyword search only');
  });

  it('shows the index folder (and the full reason) to an admin', async () => {
    const reply = await status(900);
    const text = String(reply.params.text);
    expect(text).toContain(INDEX_DIR);
    expect(text).toContain('/opt/models/tiny-vi/model.onnx');
  });
});
