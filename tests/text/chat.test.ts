import { describe, expect, it } from 'vitest';
import { isOnlyChat, stripChat } from '../../src/text/chat.js';
import { stripMarkup } from '../../src/text/markup.js';

describe('stripChat: chat around a question is set aside, the question inside kept verbatim', () => {
  it.each([
    ['bot ơi cho mình hỏi Đảng bộ Khối các cơ quan Hải Phòng có tổng cộng bao nhiêu đảng viên vậy?', 'Đảng bộ Khối các cơ quan Hải Phòng có tổng cộng bao nhiêu đảng viên'],
    ['cho em hỏi bí thư thành ủy huế là ai ạ', 'bí thư thành ủy huế là ai'],
    ['Chào bot, em là phóng viên báo Nhân Dân, cho em hỏi Đông Hà có bao nhiêu đảng viên? Cảm ơn nhiều', 'Đông Hà có bao nhiêu đảng viên?'],
    ['xin hỏi Hải Phòng có bao nhiêu chi bộ nhé', 'Hải Phòng có bao nhiêu chi bộ'],
    ['ad ơi, cho mình hỏi với: Huế tổ chức festival gì?', 'Huế tổ chức festival gì?'],
  ])('%s', (q, want) => {
    expect(stripChat(q)).toBe(want);
  });

  it('keeps question words and content words that look like chat once folded', () => {
    expect(stripChat('Thế nào là chi bộ?')).toBe('Thế nào là chi bộ?');
    expect(stripChat('Ai là Bí thư?')).toBe('Ai là Bí thư?');
    // "the" is "thể" here, "nha" is "nhà": typed without marks they are content, not particles.
    expect(stripChat('giun dua ki sinh trong co the')).toBe('giun dua ki sinh trong co the');
    expect(stripChat('bao lau thi duoc ve nha')).toBe('bao lau thi duoc ve nha');
  });

  it('never returns an empty question', () => {
    expect(stripChat('cảm ơn bot')).toBe('cảm ơn');
    expect(stripChat('ạ')).toBe('ạ');
  });
});

describe('isOnlyChat: a greeting or a thank-you with no question in it', () => {
  it.each(['xin chào', 'Chào bot!', 'cảm ơn bot nhé', 'Cảm ơn nhiều ạ', 'cam on', 'thanks!', 'Thank you', 'hello', 'hi bot', 'bot ơi'])('%s', (m) => {
    expect(isOnlyChat(m)).toBe(true);
  });

  // probe7: an acknowledgement was searched and answered "not in the reports".
  it.each(['ok', 'OK bot', 'oke', 'okay, thanks', 'vâng ạ', 'dạ cảm ơn', 'cảm ơn nhé'])('an acknowledgement: %s', (m) => {
    expect(isOnlyChat(m)).toBe(true);
  });

  it.each(['Hải Phòng có bao nhiêu đảng viên?', 'cảm ơn bot, Huế tổ chức festival gì?', 'hỏi Đông Hà', 'Thế nào là chi bộ?', 'đền ơn đáp nghĩa', 'nhà báo', 'số phóng viên', 'da', 'vang', 'giá vàng', ''])('not %s', (m) => {
    expect(isOnlyChat(m)).toBe(false);
  });
});

describe('stripMarkup', () => {
  it('removes tags, scripts, entities and Markdown marks, keeping the words', () => {
    expect(stripMarkup('<b>Hải Phòng</b> &amp; <script>alert(1)</script> có bao nhiêu chi bộ?')).toBe('Hải Phòng & có bao nhiêu chi bộ?');
    expect(stripMarkup('**Đông Hà** có _bao nhiêu_ [đảng viên](http://x)?')).toBe('Đông Hà có bao nhiêu đảng viên?');
    expect(stripMarkup('`Nghệ An` kết nạp <br/> bao nhiêu?')).toBe('Nghệ An kết nạp bao nhiêu?');
  });
});
