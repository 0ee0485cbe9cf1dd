/**
 * review6: REPORT_MARK (src/corpus/formats/html.ts) takes any digit or any capital after a word inside a
 * sentence as a report's mark. Real notices state both: the error code ("mã lỗi 404"), a delay ("sau 2
 * giờ"), a brand or the newsroom ("Google", "Facebook", "Tòa soạn"). Main indexes all three as articles.
 */
import { describe, expect, it } from 'vitest';
import { ArticleError } from '../../../src/corpus/errors.js';
import { readArticle } from '../../../src/corpus/read.js';

const PAGES: Record<string, string> = {
  'soft 404 naming its code in a sentence': '<html><head><title>Lỗi 404 - Báo Hưng Yên</title></head><body><div id="main"><h1>Không tìm thấy trang</h1><p>Rất tiếc, trang bạn yêu cầu không tồn tại hoặc đã bị xóa (mã lỗi 404) khỏi hệ thống của chúng tôi.</p><p>Vui lòng quay lại trang chủ hoặc sử dụng chức năng tìm kiếm để tìm bài viết bạn cần đọc.</p></div></body></html>',
  'login wall naming Google and Facebook': '<html><head><title>Đăng nhập</title></head><body><div id="main"><h1>Đăng nhập</h1><p>Bạn cần đăng nhập bằng tài khoản Google hoặc Facebook để đọc toàn bộ nội dung bài viết này.</p><p>Nếu chưa có tài khoản, vui lòng đăng ký miễn phí để tiếp tục sử dụng dịch vụ của chúng tôi.</p></div></body></html>',
  'maintenance note with a delay': '<html><head><title>Bảo trì</title></head><body><div id="main"><h1>Hệ thống đang bảo trì</h1><p>Hệ thống đang được bảo trì để nâng cấp, dự kiến hoạt động trở lại sau 2 giờ nữa, mong bạn đọc thông cảm.</p><p>Mọi thắc mắc xin liên hệ đường dây nóng của Tòa soạn để được hỗ trợ kịp thời và nhanh nhất.</p></div></body></html>',
};

describe('review6: a short notice page stating a code, a delay or a brand', () => {
  it.each(Object.entries(PAGES))('%s is refused, not saved as an article', async (_, html) => {
    await expect(readArticle(Buffer.from(html), 'x.html')).rejects.toThrow(ArticleError);
  });
});
