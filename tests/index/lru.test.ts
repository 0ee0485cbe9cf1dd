import { describe, expect, it } from 'vitest';
import { ByteLru } from '../../src/index/lru.js';

describe('ByteLru', () => {
  it('keeps the most recently used entries within its budget', () => {
    const lru = new ByteLru<string, number>(10);
    lru.set('a', 1, 4);
    lru.set('b', 2, 4);
    expect(lru.get('a')).toBe(1); // a is now the most recent
    lru.set('c', 3, 4); // 12 bytes: b, the least recently used, goes
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    expect(lru.get('c')).toBe(3);
  });

  it('does not keep an entry larger than the whole budget, and replaces a key in place', () => {
    const lru = new ByteLru<string, number>(10);
    lru.set('a', 1, 4);
    lru.set('big', 2, 11);
    expect(lru.get('big')).toBeUndefined();
    expect(lru.get('a')).toBe(1);
    lru.set('a', 5, 9);
    lru.set('b', 6, 1);
    expect(lru.get('a')).toBe(5);
    expect(lru.get('b')).toBe(6);
  });
});
