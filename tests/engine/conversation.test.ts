import { describe, expect, it } from 'vitest';
import { personNames, personOf, readFollowUp, turnOf, type TurnContext } from '../../src/engine/conversation.js';

const turn = (question: string, extra: Partial<TurnContext> = {}): TurnContext => ({
  ...turnOf(question, { chunkIds: ['c1'], articleIds: ['a1'], quotes: [] }),
  ...extra,
});

describe('readFollowUp', () => {
  it('leaves a question alone when there is nothing to follow', () => {
    expect(readFollowUp('Ai là Bí thư Thành ủy Huế?', null)).toEqual({ question: 'Ai là Bí thư Thành ủy Huế?', interpreted: null, needsWho: false, articleIds: null });
    const f = readFollowUp('Đông Hà có bao nhiêu đảng viên?', turn('Ai là Bí thư Thành ủy Huế?'));
    expect(f.interpreted).toBeNull();
  });

  it('replaces the place: "thế còn Huế?", "còn Nghệ An thì sao?"', () => {
    const prev = turn('Năm 2020 Đông Hà có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?');
    expect(readFollowUp('còn Huế thì sao?', prev).question).toBe('Năm 2020 Huế có bao nhiêu đảng viên hoàn thành xuất sắc nhiệm vụ?');
    const hp = turn('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu chi bộ?');
    expect(readFollowUp('thế còn Nghệ An thì sao?', hp).interpreted).toBe('Đảng bộ Khối các cơ quan Nghệ An có bao nhiêu chi bộ?');
  });

  it('replaces a place the previous question starts with ("Huế kết nạp …", then "còn Nghệ An thì sao")', () => {
    const prev = turn('Huế kết nạp bao nhiêu đảng viên năm 2020?');
    expect(readFollowUp('còn Nghệ An thì sao', prev).question).toBe('Nghệ An kết nạp bao nhiêu đảng viên năm 2020?');
  });

  it('reads the English follow-ups /help promises: "what about Huế?", "and in 2021?", "what did he ask for?"', () => {
    const prev = turn('Bí thư Thành ủy Hải Phòng là ai?', { person: 'Lê Tiến Châu' });
    expect(readFollowUp('what about Hue?', prev).question).toBe('Bí thư Thành ủy Huế là ai?');
    expect(readFollowUp('How about Nghệ An?', prev).question).toBe('Bí thư Thành ủy Nghệ An là ai?');
    expect(readFollowUp('and in 2021?', prev).question).toBe('Bí thư Thành ủy Hải Phòng là ai năm 2021?');
    const he = readFollowUp('what did he ask for?', prev);
    expect(he.question).toBe('what did Lê Tiến Châu ask for?');
    expect(he.articleIds).toEqual(['a1']);
    expect(readFollowUp('What did she say?', turn('Ai là Chủ tịch HĐND TPHCM?')).needsWho).toBe(true);
    // Vietnamese typed without marks keeps its "he" (hè): no English around it.
    expect(readFollowUp('mua he nam nay', prev).interpreted).toBeNull();
  });

  it('replaces or adds the year: "thế còn năm 2021?"', () => {
    expect(readFollowUp('thế còn năm 2021?', turn('Năm 2020 Đông Hà có bao nhiêu TCCS đảng hoàn thành tốt nhiệm vụ?')).question).toBe('Năm 2021 Đông Hà có bao nhiêu TCCS đảng hoàn thành tốt nhiệm vụ?');
    expect(readFollowUp('còn năm 2021?', turn('Ai là Bí thư Thành ủy Huế?')).question).toBe('Ai là Bí thư Thành ủy Huế năm 2021?');
  });

  it('replaces the counted unit: "thế còn đảng viên?" after "bao nhiêu chi bộ"', () => {
    const prev = turn('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu chi bộ?');
    expect(prev.measure).toBe('chi bộ');
    expect(readFollowUp('thế còn đảng viên?', prev).question).toBe('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng viên?');
    expect(readFollowUp('còn số đảng bộ bộ phận thì sao?', prev).question).toBe('Đảng bộ Khối các cơ quan thành phố Hải Phòng có bao nhiêu đảng bộ bộ phận?');
  });

  it('keeps the subject for a clause of its own: "còn kỷ luật bao nhiêu đảng viên?"', () => {
    const f = readFollowUp('còn kỷ luật bao nhiêu đảng viên?', turn('Đảng bộ Khối các cơ quan tỉnh Nghệ An kiểm tra bao nhiêu tổ chức đảng?'));
    expect(f.question).toContain('kỷ luật bao nhiêu đảng viên');
    expect(f.question).toContain('Nghệ An');
  });

  it('puts the person of the last answer for "ông ấy / bà ấy", within its articles', () => {
    const prev = turn('Ai là Bí thư Thành ủy Hải Phòng?', { person: 'Lê Tiến Châu' });
    const f = readFollowUp('ông ấy yêu cầu gì?', prev);
    expect(f).toMatchObject({ question: 'đồng chí Lê Tiến Châu yêu cầu gì?', needsWho: false, articleIds: ['a1'] });
    expect(readFollowUp('bà ấy là ai?', turn('Ai là Chủ tịch HĐND TPHCM?', { person: 'Nguyễn Thị Lệ' })).question).toBe('đồng chí Nguyễn Thị Lệ là ai?');
  });

  it('asks who is meant rather than guessing, then completes the waiting question', () => {
    expect(readFollowUp('ông ấy yêu cầu gì?', null).needsWho).toBe(true);
    expect(readFollowUp('đồng chí đó giữ chức vụ gì?', turn('Năm 2020 Đông Hà có bao nhiêu đảng viên?')).needsWho).toBe(true);
    const waiting: TurnContext = { question: 'ông ấy yêu cầu gì?', constraints: [], measure: null, person: null, chunkIds: [], articleIds: [], pendingWho: 'ông ấy yêu cầu gì?' };
    expect(readFollowUp('ý mình là Bí thư Thành ủy Hải Phòng Lê Tiến Châu', waiting).question).toBe('Bí thư Thành ủy Hải Phòng Lê Tiến Châu yêu cầu gì?');
    expect(readFollowUp('Chủ tịch HĐND TPHCM ấy', { ...waiting, pendingWho: 'bà ấy là ai?' }).question).toBe('Chủ tịch HĐND TPHCM là ai?');
  });

  it('reads "hội nghị đó", "bài đó", "trong đó" within the last answer\'s articles', () => {
    const prev = turn('Ai là Bí thư Thành ủy Huế?');
    const f = readFollowUp('hội nghị đó diễn ra khi nào?', prev);
    expect(f.articleIds).toEqual(['a1']);
    expect(f.question).toContain('Huế');
  });

  it('repeats a comparison for "bên nào nhiều hơn?"', () => {
    const q = 'So sánh số đảng viên của Hải Phòng và Đông Hà';
    expect(readFollowUp('bên nào nhiều hơn?', turn(q)).question).toBe(q);
  });
});

describe('persons', () => {
  it('finds Vietnamese full names, not titles', () => {
    expect(personNames('Chủ tịch HĐND TPHCM Nguyễn Thị Lệ yêu cầu').map((n) => n.name)).toEqual(['Nguyễn Thị Lệ']);
  });

  it('picks the name the question\'s words stand next to', () => {
    const quote = 'Sáng 16-10, đồng chí Lê Tiến Châu, Bí thư Thành ủy làm việc. Đồng chí Phạm Quang Hiển, Bí thư Đảng ủy Khối các cơ quan thành phố cho biết…';
    expect(personOf('Ai là Bí thư Đảng ủy Khối các cơ quan thành phố Hải Phòng?', [quote])).toBe('Phạm Quang Hiển');
    expect(personOf('ông Nguyễn Văn An nói gì?', [quote])).toBe('Nguyễn Văn An');
  });

  it('never takes a place whose first word is a family name for a person ("Hà Nội", "Hồ Chí Minh", "Thái Bình")', () => {
    expect(personNames('Hà Nội có bao nhiêu đảng viên?')).toEqual([]);
    expect(personNames('Chủ tịch HĐND Thành phố Hồ Chí Minh là ai?')).toEqual([]);
    expect(personNames('Bí thư Tỉnh ủy Thái Bình Nguyễn Văn An phát biểu').map((n) => n.name)).toEqual(['Nguyễn Văn An']);
    // A title before a name that is a person's as well as a place's: the person; "Chủ tịch Hà Nội" is the city's.
    expect(personNames('Chủ tịch Hồ Chí Minh đã dạy').map((n) => n.name)).toEqual(['Hồ Chí Minh']);
    expect(personNames('Chủ tịch Hà Nội là ai?')).toEqual([]);
    const quote = 'Đồng chí Nguyễn Thị Lệ, Phó Bí thư Thành ủy, Chủ tịch HĐND TPHCM yêu cầu xây dựng không gian văn hóa Hồ Chí Minh.';
    expect(personOf('Chủ tịch HĐND Thành phố Hồ Chí Minh là ai?', [quote])).toBe('Nguyễn Thị Lệ');
    // "ông ấy" after a question about a place the reports do not cover: asked back, not "đồng chí Hà Nội".
    const t = turnOf('Hà Nội có bao nhiêu đảng viên?', { chunkIds: [], articleIds: [], quotes: [] });
    expect(readFollowUp('ông ấy là ai?', t).needsWho).toBe(true);
  });
});
