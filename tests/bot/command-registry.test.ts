import { describe, expect, it } from 'vitest';
import { commandHelp, commandMenu } from '../../src/bot/command-registry.js';
import { COMMANDS } from '../../src/bot/features/commands.js';
import { helpText } from '../../src/present/messages.js';

describe('command registry', () => {
  it('names each command once, with texts in both languages', () => {
    const names = COMMANDS.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    for (const c of COMMANDS) {
      expect(c.name).toMatch(/^[a-z0-9_]{1,32}$/);
      for (const lang of ['vi', 'en'] as const) {
        expect(c.description[lang].length).toBeGreaterThan(0);
        expect(c.description[lang].length).toBeLessThanOrEqual(256);
        if (c.help) expect(c.help.text[lang].length).toBeGreaterThan(0);
      }
    }
  });

  it('makes the menu from everyone\'s commands, in registry order', () => {
    const menu = commandMenu(COMMANDS, 'vi');
    expect(menu.map((c) => c.command)).toEqual(['ask', 'new', 'sources', 'status', 'help', 'start']);
    expect(menu[0]!.description).toMatch(/câu hỏi/i);
    expect(commandMenu(COMMANDS, 'en')[0]!.description).toMatch(/question/i);
  });

  it('lists admin commands in /help for admins only', () => {
    const user = helpText('vi', { botUsername: 'b', commands: commandHelp(COMMANDS, 'vi', false) });
    const admin = helpText('vi', { botUsername: 'b', commands: commandHelp(COMMANDS, 'vi', true) });
    expect(user).toContain('/ask câu hỏi: đặt câu hỏi (dùng được trong nhóm)');
    expect(user).toContain('/status: kích thước chỉ mục và chế độ tìm kiếm');
    expect(user).not.toContain('/reload');
    expect(user).not.toContain('/start');
    expect(admin).toContain('/reload: nạp lại chỉ mục (quản trị viên)');
    const en = helpText('en', { commands: commandHelp(COMMANDS, 'en', true) });
    expect(en).toContain('/ask question: ask (also in groups)');
    expect(en).toContain('/reload: reload the index (admins)');
  });
});
