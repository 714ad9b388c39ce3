import { act, useEffect, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Language } from '../../../core/content/schema.ts';
import type { ActiveContent, AdminOverview, KioskBridge } from '../../../core/contract.ts';
import en from '../../../locales/en/common.json';
import ru from '../../../locales/ru/common.json';
import zh from '../../../locales/zh-Hans/common.json';
import exhibit from '../../fixtures/packages/minimal/exhibit.json';
import { AdminScreen } from '../../../renderer/admin/AdminScreen.tsx';
import { ExhibitContext } from '../../../renderer/content/ContentContext.tsx';
import { initI18n } from '../../../renderer/i18n.ts';

// The self-test's own checks (WebGL, audio, frame timing) are covered end to end; here it only has to appear.
vi.mock('../../../renderer/admin/SelfTest.tsx', () => ({ SelfTest: () => <section data-testid="self-test" /> }));

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const i18n = initI18n('zh-Hans');
const strings = { 'zh-Hans': zh, ru, en } as const;
const content = { key: 'k', source: 'default', baseUrl: '/content/k/', exhibit, languages: ['zh-Hans', 'ru', 'en'] } as unknown as ActiveContent;

function overview(trustedKeyIds: string[]): AdminOverview {
  return {
    builtIn: { id: 'minimal-test', version: '1.0.0' },
    active: null,
    previous: [],
    sticks: [],
    importing: false,
    languages: ['zh-Hans', 'ru', 'en'],
    signing: { trustedKeyIds },
  };
}

function Harness() {
  const [language, setLanguage] = useState<Language>('zh-Hans');
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
  (window as unknown as { kiosk: KioskBridge }).kiosk = {
    invoke: vi.fn(async (channel: string) => (channel === 'admin:overview' ? overview(trustedKeyIds) : { ok: true })),
    on: vi.fn(() => () => undefined),
  } as unknown as KioskBridge;
  await act(async () => root.render(<Harness />));
}

const buttonNamed = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
const tap = (button: HTMLElement | undefined) => act(async () => void button!.click());
const notes = () => [...host.querySelectorAll<HTMLElement>('[role="note"]')];
const titleOf = (note: HTMLElement) => host.ownerDocument.getElementById(note.getAttribute('aria-labelledby')!)?.textContent;

beforeEach(async () => {
  await i18n.changeLanguage('zh-Hans');
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
    for (const lang of ['zh-Hans', 'ru', 'en'] as const) {
      if (lang !== 'zh-Hans') await tap(buttonNamed({ ru: 'Русский', en: 'English' }[lang]));
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
      needsConfirmation: { active: '1.0.0', incoming: '1.0.0', reason: 'other-exhibit', activeId: 'minimal-test', incomingId: 'museum-own' },
    };
    (window as unknown as { kiosk: KioskBridge }).kiosk = {
      invoke: vi.fn(async (channel: string) =>
        channel === 'admin:overview' ? { ...overview([]), sticks: [{ label: 'MUSEUM', packages: [{ packageId: 'p1', name: 'museum-own', kind: 'folder' }] }] } : channel === 'admin:inspect' ? inspect : { ok: true },
      ),
      on: vi.fn(() => () => undefined),
    } as unknown as KioskBridge;
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
    for (const lang of ['zh-Hans', 'ru', 'en'] as const) {
      if (lang !== 'zh-Hans') await tap(buttonNamed({ ru: 'Русский', en: 'English' }[lang]));
      const a = strings[lang].admin;
      await tap(buttonNamed(a.selfTest));
      expect(host.querySelector('[data-testid="self-test"]'), lang).not.toBeNull();
      expect(host.querySelector('#admin-sticks'), lang).toBeNull();
      const back = [...host.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === a.backToAdmin || b.textContent?.trim() === a.backToAdmin);
      expect(back, `${lang}: a button named "${a.backToAdmin}"`).toBeDefined();
      expect(back!.hasAttribute('aria-pressed'), `${lang}: a way back, not a pressed toggle`).toBe(false);
      expect(back!.className).toContain('admin-back');
      await tap(back);
      expect(host.querySelector('[data-testid="self-test"]'), lang).toBeNull();
      expect(host.querySelector('#admin-sticks')?.textContent, lang).toBe(a.sticks);
    }
  });
});
