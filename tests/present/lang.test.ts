import { describe, expect, it } from 'vitest';
import { pickLang } from '../../src/present/lang.js';

describe('language', () => {
  it('picks the language', () => {
    expect(pickLang('en')).toBe('en');
    expect(pickLang('en-GB')).toBe('en');
    expect(pickLang('vi')).toBe('vi');
    expect(pickLang(undefined)).toBe('vi');
    expect(pickLang('fr')).toBe('vi');
  });
});
