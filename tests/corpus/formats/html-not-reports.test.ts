/**
 * A short page is an article when it holds two "written paragraphs" (8+ words, ending a sentence) that
 * state a figure or a name. Realistic soft-404s, login walls, cookie banners and maintenance pages are
 * written in such sentences too (the review of probe5 found them indexed as reports); they state neither.
 */
import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../../src/corpus/errors.js';
import { readArticle } from '../../../src/corpus/read.js';

const PAGES: Record<string, string> = {
  'soft 404': '<html><head><title>Lỗi 404</title></head><body><h1>404 - Không tìm thấy trang</h1><p>Rất tiếc, trang bạn đang tìm kiếm không tồn tại hoặc đã bị xóa khỏi hệ thống.</p><p>Vui lòng kiểm tra lại đường dẫn hoặc quay về trang chủ để tiếp tục đọc tin tức.</p></body></html>',
  'login wall': '<html><head><title>Đăng nhập</title></head><body><p>Nội dung này chỉ dành cho thành viên đã đăng ký tài khoản của báo điện tử.</p><p>Vui lòng đăng nhập hoặc đăng ký tài khoản mới để đọc toàn bộ bài viết này.</p><form><input name=u></form></body></html>',
  'cookie banner': '<html><body><div><p>Chúng tôi sử dụng cookie để cải thiện trải nghiệm của bạn trên trang web này.</p><p>Bằng việc tiếp tục truy cập, bạn đồng ý với chính sách bảo mật và điều khoản sử dụng của chúng tôi.</p></div></body></html>',
  maintenance: '<html><body><p>Hệ thống đang được bảo trì để nâng cấp, mong quý độc giả thông cảm.</p><p>Trang web sẽ hoạt động trở lại trong thời gian sớm nhất có thể, xin cảm ơn.</p></body></html>',
};

describe('a short page that is no report', () => {
  it.each(Object.entries(PAGES))('%s is refused, not saved as an article', async (_, html) => {
    await expect(readArticle(Buffer.from(html), 'x.html')).rejects.toThrow(ArticleError);
  });
});
