import { act, useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_LANGUAGE, LANGUAGE, LANGUAGES, type Language } from '../../../../core/content/languages.ts';
import type { ActiveContent, AdminOverview, KioskBridge } from '../../../../core/contract.ts';
import { LOCALES as strings } from '../../../../locales/index.ts';
import exhibit from '../../../fixtures/packages/minimal/exhibit.json';
import { AdminScreen } from '../../../../renderer/admin/AdminScreen.tsx';
import { ExhibitContext } from '../../../../renderer/content/ContentContext.tsx';
import { initI18n } from '../../../../renderer/i18n.ts';

// The self-test's own checks (WebGL, audio, frame timing) are covered end to end; here it only has to appear.
vi.mock('../../../../renderer/admin/SelfTest.tsx', () => ({ SelfTest: () => <section data-testid="self-test" /> }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const i18n = initI18n(DEFAULT_LANGUAGE);
const zh = strings['zh-Hans'];
const content = {
  key: 'k',
  source: 'default',
  baseUrl: '/content/k/',
  exhibit,
  languages: [...LANGUAGES],
} as unknown as ActiveContent;

/** Puts a stand-in host behind `window.kiosk` (read-only to the renderer): the test's own answers to each request. */
function standInHost(bridge: Pick<Record<keyof KioskBridge, unknown>, 'invoke' | 'on'>): void {
  Object.defineProperty(window, 'kiosk', { value: bridge, configurable: true });
}

function overview(trustedKeyIds: string[]): AdminOverview {
  return {
    builtIn: { id: 'minimal-test', version: '1.0.0' },
    active: null,
    previous: [],
    sticks: [],
    importing: false,
    languages: [...LANGUAGES],
    signing: { trustedKeyIds },
  };
}

function Harness() {
  const [language, setLanguage] = useState<Language>(DEFAULT_LANGUAGE);
  useEffect(() => void i18n.changeLanguage(language), [language]);
  return (
    <I18nextProvider i18n={i18n}>
      <ExhibitContext.Provider value={{ content, language, setLanguage }}>
        <AdminScreen onClose={() => undefined} />
      </ExhibitContext.Provider>
    </I18nextProvider>
  );
}

let root: Root;
let host: HTMLElement;

async function show(trustedKeyIds: string[]): Promise<void> {
  standInHost({
    invoke: vi.fn(async (channel: string) => (channel === 'admin:overview' ? overview(trustedKeyIds) : { ok: true })),
    on: vi.fn(() => () => undefined),
  });
  await act(async () => root.render(<Harness />));
}

const buttonNamed = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const tap = (button: HTMLElement | undefined) => act(async () => void button!.click());
const notes = () => [...host.querySelectorAll<HTMLElement>('[role="note"]')];
const titleOf = (note: HTMLElement) => host.ownerDocument.getElementById(note.getAttribute('aria-labelledby')!)?.textContent;

beforeEach(async () => {
  await i18n.changeLanguage(DEFAULT_LANGUAGE);
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});

afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

describe('admin screen: package signing', () => {
  it('warns staff, Chinese first, that packages are not checked for who made them while no key is trusted, and says how to fix it', async () => {
    await show([]);
    for (const lang of LANGUAGES) {
      if (lang !== DEFAULT_LANGUAGE) await tap(buttonNamed(LANGUAGE[lang].endonym));
      const s = strings[lang].admin.signing;
      expect(notes(), lang).toHaveLength(1);
      const [note] = notes();
      expect(titleOf(note!), lang).toBe(s.offTitle);
      expect(note!.className).toContain('admin-signing-off');
      for (const text of [s.offBody, s.offFix]) expect(note!.textContent, lang).toContain(text);
      expect(note!.querySelector('code')?.textContent, lang).toBe(s.command);
      expect(note!.closest('section[aria-labelledby="admin-sticks"]'), `${lang}: beside the sticks`).not.toBeNull();
    }
  });

  it('names the trusted key ids calmly once a key is trusted', async () => {
    await show(['0123456789abcdef', 'fedcba9876543210']);
    const s = zh.admin.signing;
    expect(notes()).toHaveLength(1);
    const [note] = notes();
    expect(titleOf(note!)).toBe(s.onTitle);
    expect(note!.className).toContain('admin-signing-on');
    expect(note!.className).not.toContain('admin-signing-off');
    expect(note!.textContent).toContain(s.onBody);
    expect([...note!.querySelectorAll('code')].map((c) => c.textContent)).toEqual(['0123456789abcdef', 'fedcba9876543210']);
    expect(host.textContent).not.toContain(s.offTitle);
  });
});

describe('admin screen: what staff confirm', () => {
  it('says another exhibit will replace the one on screen, not that its version is older', async () => {
    const inspect = {
      ok: true,
      id: 'museum-own',
      version: '1.0.0',
      problems: [],
      warnings: [],
      needsConfirmation: {
        active: '1.0.0',
        incoming: '1.0.0',
        reason: 'other-exhibit',
        activeId: 'minimal-test',
        incomingId: 'museum-own',
      },
    };
    standInHost({
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview'
          ? { ...overview([]), sticks: [{ label: 'MUSEUM', packages: [{ packageId: 'p1', name: 'museum-own', kind: 'folder' }] }] }
          : channel === 'admin:inspect'
            ? inspect
            : { ok: true },
      ),
      on: vi.fn(() => () => undefined),
    });
    await act(async () => root.render(<Harness />));
    await tap(buttonNamed(zh.admin.check));
    expect(host.textContent).toContain('这是另一个展览（museum-own），不是正在展示的（minimal-test）：安装后将替换整个展览。');
    expect(host.textContent).not.toContain('不比正在展示的版本');
    expect(buttonNamed(zh.admin.installAnyway)).toBeDefined();
  });
});

describe('admin screen: field self-test', () => {
  it('opens the self-test from the admin screen and always offers a plain, labelled button back to it', async () => {
    await show([]);
    for (const lang of LANGUAGES) {
      if (lang !== DEFAULT_LANGUAGE) await tap(buttonNamed(LANGUAGE[lang].endonym));
      const a = strings[lang].admin;
      await tap(buttonNamed(a.selfTest));
      expect(host.querySelector('[data-testid="self-test"]'), lang).not.toBeNull();
      expect(host.querySelector('#admin-sticks'), lang).toBeNull();
      const back = [...host.querySelectorAll('button')].find(
        (b) => b.getAttribute('aria-label') === a.backToAdmin || b.textContent?.trim() === a.backToAdmin,
      );
      expect(back, `${lang}: a button named "${a.backToAdmin}"`).toBeDefined();
      expect(back!.hasAttribute('aria-pressed'), `${lang}: a way back, not a pressed toggle`).toBe(false);
      expect(back!.className).toContain('admin-back');
      await tap(back);
      expect(host.querySelector('[data-testid="self-test"]'), lang).toBeNull();
      expect(host.querySelector('#admin-sticks')?.textContent, lang).toBe(a.sticks);
    }
  });
});

describe('admin screen: a check that finds errors', () => {
  const broken = {
    ok: false,
    id: 'museum-own',
    version: '2.0.0',
    problems: [
      {
        file: 'exhibit.json',
        place: 'sections[4].panels[3].body.ru[0]',
        path: ['sections', 4, 'panels', 3, 'body', 'ru', 0],
        message: 'Too small: expected string to have >=1 characters',
        text: 'exhibit.json: sections[4].panels[3].body.ru[0]: Too small: expected string to have >=1 characters',
      },
      {
        file: 'manifest.json',
        place: '',
        path: [],
        message: 'the package has no manifest.json',
        text: 'manifest.json: the package has no manifest.json',
      },
    ],
    warnings: [],
    changes: {
      sections: { added: [{ id: 'x', title: { 'zh-Hans': ['新单元'], ru: ['Новый'], en: ['New'] } }], removed: [], changed: [] },
      stories: { added: [], removed: [], changed: [] },
      modelChanged: true,
      missingTranslations: [],
    },
  };
  const listeners = new Map<string, (payload: unknown) => void>();

  async function showCheck(inspect: unknown) {
    standInHost({
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview'
          ? { ...overview([]), sticks: [{ label: 'MUSEUM', packages: [{ packageId: 'p1', name: 'museum-own', kind: 'folder' }] }] }
          : channel === 'admin:inspect'
            ? inspect
            : channel === 'admin:install'
              ? { started: true }
              : channel === 'app:info'
                ? { host: 'browser', appVersion: '0.1.0', platform: 'linux' }
                : { ok: true },
      ),
      on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => undefined;
      }),
    });
    await act(async () => root.render(<Harness />));
    await tap(buttonNamed(zh.admin.check));
  }

  it('leads each problem with its file and its place in the staff’s words, counted from one', async () => {
    await showCheck(broken);
    const expected = {
      'zh-Hans': '第5单元 · 第4块展板 · 俄文正文',
      ru: 'раздел 5 · панель 4 · текст (рус.)',
      en: 'section 5 · panel 4 · body (Russian)',
    };
    for (const lang of LANGUAGES) {
      if (lang !== DEFAULT_LANGUAGE) await tap(buttonNamed(LANGUAGE[lang].endonym));
      const items = [...host.querySelectorAll('.admin-problems li')];
      expect(items, lang).toHaveLength(2);
      expect(items[0]!.textContent, lang).toBe(`exhibit.json · ${expected[lang]}Too small: expected string to have >=1 characters`);
      expect(items[0]!.querySelector('.admin-problem-where')?.textContent, lang).toBe(`exhibit.json · ${expected[lang]}`);
      expect(items[1]!.querySelector('.admin-problem-where')?.textContent, lang).toBe('manifest.json');
      expect(host.textContent, lang).not.toContain('sections[4]');
    }
  });

  it('shows no list of what the package would change', async () => {
    await showCheck(broken);
    expect(host.querySelector('.admin-changes')).toBeNull();
    expect(host.textContent).not.toContain(zh.admin.sectionsAdded);
    expect(host.textContent).not.toContain(zh.admin.modelChanged);
    expect(host.textContent).toContain(zh.admin.packageBad.replace('{{count}}', '2'));
  });

  it('still shows what a whole package would change', async () => {
    await showCheck({ ...broken, ok: true, problems: [] });
    expect(host.querySelector('.admin-changes')?.textContent).toContain(`${zh.admin.sectionsAdded}: 新单元`);
  });
});

describe('admin screen: an import under way', () => {
  it('says it is preparing until the size is known, then counts in the staff’s units', async () => {
    const listeners = new Map<string, (payload: unknown) => void>();
    standInHost({
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview'
          ? { ...overview([]), sticks: [{ label: 'MUSEUM', packages: [{ packageId: 'p1', name: 'museum-own', kind: 'folder' }] }] }
          : channel === 'admin:inspect'
            ? { ok: true, id: 'minimal-test', version: '2.0.0', problems: [], warnings: [] }
            : channel === 'admin:install'
              ? { started: true }
              : { ok: true },
      ),
      on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => undefined;
      }),
    });
    await act(async () => root.render(<Harness />));
    await tap(buttonNamed(zh.admin.check));
    await tap(buttonNamed(zh.admin.install));
    const line = () => host.querySelector('.admin-progress p')?.textContent;
    expect(line()).toBe(zh.admin.preparing);
    expect(host.textContent).not.toMatch(/bytes|0\/0/);
    await act(async () =>
      listeners.get('import:progress')!({
        phase: 'copying',
        bytesDone: 1536 * 1024,
        bytesTotal: 250 * 1024 * 1024,
        filesDone: 3,
        filesTotal: 40,
        secondsLeft: 12,
      }),
    );
    expect(line()).toBe('复制 — 1.5 MB / 250 MB, 3/40 个文件, 约剩 12 秒');
    await tap(buttonNamed('Русский'));
    expect(line()).toBe('Копирование — 1,5 МБ / 250 МБ, файлов: 3 из 40, осталось около 12 с');
  });
});

describe('admin screen: drawn icons and the version stamp', () => {
  it('draws the stick’s icon instead of an emoji the kiosk has no font for', async () => {
    standInHost({
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview' ? { ...overview([]), sticks: [{ label: 'MUSEUM', packages: [] }] } : { ok: true },
      ),
      on: vi.fn(() => () => undefined),
    });
    await act(async () => root.render(<Harness />));
    const heading = [...host.querySelectorAll('h3')].find((h) => h.textContent?.includes('MUSEUM'))!;
    expect(heading.textContent.trim()).toBe('MUSEUM');
    expect(heading.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(host.textContent).not.toMatch(/\p{Extended_Pictographic}/u);
  });

  it('tells staff, quietly at the top, which content and which app version are running', async () => {
    standInHost({
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview'
          ? overview([])
          : channel === 'app:info'
            ? { host: 'browser', appVersion: '0.1.0', platform: 'linux' }
            : { ok: true },
      ),
      on: vi.fn(() => () => undefined),
    });
    await act(async () => root.render(<Harness />));
    const stamp = () => host.querySelector('.admin-header .admin-stamp')?.textContent;
    expect(stamp()).toBe('展览 minimal-test 1.0.0（内置） · 应用 0.1.0');
    await tap(buttonNamed('English'));
    expect(stamp()).toBe('exhibit minimal-test 1.0.0 (built-in) · app 0.1.0');
    await tap(buttonNamed(strings.en.admin.selfTest));
    expect(stamp(), 'still there over the self-test').toBe('exhibit minimal-test 1.0.0 (built-in) · app 0.1.0');
  });
});

describe('admin screen: answers and findings in the staff’s language', () => {
  const listeners = new Map<string, (payload: unknown) => void>();
  const version = {
    name: '0001-minimal-test-0.9.0',
    id: 'minimal-test',
    version: '0.9.0',
    installedAt: '2026-01-01T10:00:00.000Z',
    source: 'old.zip',
    languages: ['zh-Hans', 'ru', 'en'],
    sections: 1,
    stories: 1,
  };

  async function showWith(answers: Record<string, unknown>) {
    standInHost({
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview'
          ? {
              ...overview([]),
              previous: [version],
              sticks: [{ label: 'MUSEUM', packages: [{ packageId: 'p1', name: 'museum-own', kind: 'folder' }] }],
            }
          : channel in answers
            ? answers[channel]
            : { ok: true },
      ),
      on: vi.fn((channel: string, listener: (payload: unknown) => void) => {
        listeners.set(channel, listener);
        return () => undefined;
      }),
    });
    await act(async () => root.render(<Harness />));
  }
  const notice = () => host.querySelector('.admin-notice')?.textContent;

  it('says in Chinese why a rollback did not happen, and again in English once staff switch', async () => {
    await showWith({ 'admin:rollback': { ok: false, answer: { code: 'no-such-version', name: version.name } } });
    await tap(buttonNamed(zh.admin.rollback));
    await tap(buttonNamed(zh.admin.rollbackConfirm.replace('{{version}}', '0.9.0')));
    expect(notice()).toBe(`没有名为 ${version.name} 的早期版本。`);
    await tap(buttonNamed('English'));
    expect(notice()).toBe(`There is no earlier version named ${version.name}.`);
  });

  it('says in Chinese that the logs went onto the stick, and why an install did not start', async () => {
    await showWith({
      'admin:exportLogs': { ok: true, files: ['a', 'b'], answer: { code: 'logs-saved', count: 2 } },
      'admin:inspect': { ok: true, id: 'minimal-test', version: '2.0.0', problems: [], warnings: [] },
      'admin:install': { started: false, answer: { code: 'import-running' } },
    });
    await tap(buttonNamed(zh.admin.exportLogs));
    expect(notice()).toBe('已导出 2 个日志文件');
    await tap(buttonNamed(zh.admin.check));
    await tap(buttonNamed(zh.admin.install));
    expect(notice()).toBe(zh.admin.message['import-running']);
  });

  it('says in Chinese that the package is gone from the stick when it is checked', async () => {
    await showWith({ 'admin:inspect': { ok: false, problems: [], warnings: [], refused: { code: 'package-gone' } } });
    await tap(buttonNamed(zh.admin.check));
    expect(host.querySelector('#admin-check ~ .admin-bad[role="status"]')?.textContent).toBe(zh.admin.message['package-gone']);
    expect(host.textContent).not.toContain(zh.admin.packageBad.replace('{{count}}', '0'));
  });

  it('puts the problems the import found itself in Chinese, the validator’s own still as it wrote them', async () => {
    await showWith({
      'admin:inspect': { ok: true, id: 'minimal-test', version: '2.0.0', problems: [], warnings: [] },
      'admin:install': { started: true },
    });
    await tap(buttonNamed(zh.admin.check));
    await tap(buttonNamed(zh.admin.install));
    await act(async () =>
      listeners.get('import:result')!({
        ok: false,
        rolledBack: false,
        reportWritten: true,
        problems: [
          {
            file: 'exhibit-2',
            place: '',
            path: [],
            message: 'could not be installed: the stick went away while it was being read (was the stick pulled out?) [ENODEV]',
            text: 'exhibit-2: could not be installed: the stick went away while it was being read (was the stick pulled out?) [ENODEV]',
            finding: { code: 'stick-pulled', error: 'ENODEV' },
          },
          {
            file: 'pictures/a.webp',
            place: '',
            path: [],
            message: 'is listed in the manifest (1.5 MB) but missing from the package',
            text: 'pictures/a.webp: is listed in the manifest (1.5 MB) but missing from the package',
            finding: { code: 'file-missing', size: 1536 * 1024 },
          },
          {
            file: 'exhibit.json',
            place: 'sections[0].title',
            path: ['sections', 0, 'title'],
            message: 'Too small: expected string to have >=1 characters',
            text: 'exhibit.json: sections[0].title: Too small: expected string to have >=1 characters',
          },
        ],
      }),
    );
    const messages = [...host.querySelectorAll<HTMLElement>('.admin-problem-message')];
    expect(messages.map((m) => m.textContent)).toEqual([
      '读取过程中 U 盘断开了，是不是被拔出了？（ENODEV）',
      '清单里有这个文件（1.5 MB），但 U 盘上没有。',
      'Too small: expected string to have >=1 characters',
    ]);
    expect(messages[0]!.hasAttribute('lang'), 'a translated message is not marked as another language').toBe(false);
    expect(messages[2]!.getAttribute('lang'), 'the validator’s own words stay marked as untranslated').not.toBeNull();
    expect(host.textContent).not.toContain('the stick went away');
  });

  it('says the validator’s problems in Chinese to a Chinese-speaking member of staff, and in Russian once staff switch', async () => {
    const problem = (place: string, path: (string | number)[], message: string, issue: unknown) => ({
      file: 'exhibit.json',
      place,
      path,
      message,
      text: `exhibit.json: ${place}: ${message}`,
      issue,
    });
    await showWith({
      'admin:inspect': {
        ok: false,
        id: 'minimal-test',
        version: '2.0.0',
        problems: [
          problem('sections[0].title', ['sections', 0, 'title'], 'no "ru" text (the default language must be complete)', {
            code: 'no-default-text',
            language: 'ru',
          }),
          problem('model.src', ['model', 'src'], 'refers to "models/m.glb", which is not in the package', {
            code: 'not-in-package',
            path: 'models/m.glb',
          }),
        ],
        warnings: [],
      },
    });
    await tap(buttonNamed(zh.admin.check));
    const messages = () => [...host.querySelectorAll<HTMLElement>('.admin-problem-message')];
    expect(messages().map((m) => m.textContent)).toEqual([
      '缺少俄文文字。默认语言的文字必须齐全，请补上。',
      '内容包里没有“models/m.glb”。',
    ]);
    expect(messages()[0]!.hasAttribute('lang'), 'a translated problem is not marked as another language').toBe(false);
    expect(host.textContent).not.toContain('default language must be complete');
    expect(host.textContent).not.toContain('which is not in the package');
    await tap(buttonNamed(LANGUAGE.ru.endonym));
    expect(messages()[1]!.textContent).toBe('Файла «models/m.glb» нет в пакете.');
  });
});
