/** Which language to answer in: English for users whose Telegram language is English, else Vietnamese. */
import type { Lang } from '../answer/types.js';

export function pickLang(languageCode: string | undefined | null): Lang {
  return languageCode && languageCode.toLowerCase().startsWith('en') ? 'en' : 'vi';
}
