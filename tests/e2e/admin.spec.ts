import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { generateKeyPair } from '../../core/content/manifest.ts';
import type en from '../../locales/en/common.json';
import { DEFAULT_EXHIBIT as exhibit, LANGUAGES } from './exhibit.ts';
import { startHost, type KioskHost } from './kiosk-host.ts';
import { enterPin, holdCorners, openAdmin, PIN, setPin, trustKey } from './staff.ts';
import { Touch } from './touch.ts';
import { canMountTmpfs } from '../fixtures/mount.ts';

const canMount = canMountTmpfs();
test.skip(!canMount, 'needs root to mount a tmpfs "stick" (CI runs as root)');

let host: KioskHost;
let mountRoot: string;
let stick: string;
let packageDir: string;

test.beforeAll(async () => {
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-admin-'));
  setPin(data);
  const source = fs.mkdtempSync(path.join(os.tmpdir(), 'new-exhibit-'));
  fs.cpSync('assets/content', source, { recursive: true });
  const file = path.join(source, 'exhibit.json');
  const next = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof exhibit;
  next.version = '2.0.0';
  next.title = {
    'zh-Hans': ['从哈尔科夫到洛阳（新版）'],
    ru: ['От Харькова до Лояна (новая версия)'],
    en: ['From Kharkiv to Luoyang (new edition)'],
  };
  fs.writeFileSync(file, JSON.stringify(next, null, 2));
  const zip = path.join(source, '..', `${path.basename(source)}.zip`);
  execFileSync(process.execPath, ['bin/kiosk-content.mjs', 'pack', source, '--out', zip]);
  packageDir = fs.mkdtempSync(path.join(os.tmpdir(), 'packed-'));
  execFileSync('python3', ['-c', 'import sys,zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])', zip, packageDir]);
  mountRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'media-'));
  stick = path.join(mountRoot, 'staff', 'MUSEUM');
  fs.mkdirSync(stick, { recursive: true });
  host = await startHost({ dataDir: data, mountRoots: [mountRoot] });
});

test.afterAll(async () => {
  spawnSync('umount', ['-l', stick]);
  await host?.stop();
});

test('staff unlock by touch, see the stick and its changes, install with progress, see the exhibit change, and roll back', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const touch = await Touch.on(page);
  await page.goto(host.url);
  await page.getByRole('button', { name: 'English', exact: true }).tap();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From Kharkiv to Luoyang');

  for (let i = 0; i < 6; i += 1) await page.getByRole('heading', { level: 1 }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await holdCorners(page, touch);
  await expect(page.getByRole('heading', { name: 'Enter the staff PIN' })).toBeVisible();
  await enterPin(page, '000000');
  await expect(page.getByRole('alert')).toHaveText('Wrong PIN. 4 tries left');
  await enterPin(page, PIN);
  await expect(page.getByRole('heading', { name: 'Administration' })).toBeVisible();
  await expect(page.getByText('The built-in exhibit')).toBeVisible();
  await expect(page.getByText('No USB stick found.', { exact: false })).toBeVisible();

  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', stick]);
  fs.cpSync(packageDir, path.join(stick, 'exhibit-2'), { recursive: true });
  await expect(page.getByRole('heading', { name: /MUSEUM/ })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Check' }).tap();
  await expect(page.getByText(`The package is whole: ${exhibit.id} 2.0.0`)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText('Missing translations: 0')).toBeVisible();

  await page.getByRole('button', { name: 'Install', exact: true }).tap();
  await expect(page.getByRole('progressbar', { name: 'Installation progress' })).toBeVisible();
  await expect(page.getByText(`Installed ${exhibit.id} 2.0.0: the exhibit is updated.`)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText('A report was written to the stick')).toBeVisible();
  expect(fs.readFileSync(path.join(stick, 'kiosk-import-report.txt'), 'utf8')).toContain('INSTALLED');
  await expect(page.getByText('It is safe to remove the stick.')).toBeVisible();

  await page.getByRole('button', { name: 'Close and lock' }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From Kharkiv to Luoyang (new edition)');

  await holdCorners(page, touch);
  await enterPin(page, PIN);
  await expect(page.getByText(`${exhibit.id} 2.0.0`, { exact: false }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Save the logs to this stick' }).tap();
  await expect(page.getByRole('status').filter({ hasText: /log files saved/ })).toBeVisible();
  await page.getByRole('button', { name: 'Field self-test' }).tap();
  await expect(page.getByRole('heading', { name: 'Self-test' })).toBeVisible();
  await page.getByRole('button', { name: 'Back to administration' }).tap();
  await page.getByRole('button', { name: 'Go back to this version' }).tap();
  await page.getByRole('button', { name: `Confirm going back to ${exhibit.version}` }).tap();
  await expect(page.getByRole('status').filter({ hasText: `Back to version ${exhibit.version}` })).toBeVisible();
  // The core answered with a code: a Chinese-speaking member of staff reads the same answer in Chinese.
  const chinese = LANGUAGES.find((l) => l.code === 'zh-Hans')!.name;
  await page.locator('.admin-header').getByRole('button', { name: chinese, exact: true }).tap();
  const rolledBack = admin('zh-Hans').message['rolled-back'].replace('{{version}}', exhibit.version);
  await expect(page.getByRole('status').filter({ hasText: rolledBack })).toBeVisible();
  await page.locator('.admin-header').getByRole('button', { name: 'English', exact: true }).tap();
  await page.getByRole('button', { name: 'Close and lock' }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('From Kharkiv to Luoyang');
  await holdCorners(page, touch);
  await enterPin(page, PIN);

  execFileSync('umount', [stick]);
  await expect(page.getByText('No USB stick found.', { exact: false })).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Close and lock' }).tap();
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('an admin request is refused while the admin screen is locked', async ({ request }) => {
  const token = new URL(host.url).searchParams.get('t')!;
  const r = await request.post(`${host.origin}/__kiosk/invoke`, {
    headers: { 'Content-Type': 'application/json', 'X-Kiosk-Token': token },
    data: { channel: 'admin:overview' },
  });
  expect(r.status()).toBe(400);
  expect(((await r.json()) as { error: string }).error).toContain('the admin screen is locked');
});

type Admin = (typeof en)['admin'];
const admin = (lang: string): Admin => (JSON.parse(fs.readFileSync(`locales/${lang}/common.json`, 'utf8')) as { admin: Admin }).admin;

test('staff are warned, in their language, that packages are not checked for who made them until a key is trusted, then see which key is', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const data = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-signing-'));
  setPin(data);
  const signingHost = await startHost({ dataDir: data });
  try {
    const touch = await Touch.on(page);
    await page.goto(signingHost.url);
    await openAdmin(page, touch, admin('zh-Hans').title);
    for (const { code, name } of LANGUAGES) {
      const s = admin(code).signing;
      await page.locator('.admin-header').getByRole('button', { name, exact: true }).tap();
      const note = page.getByRole('note', { name: s.offTitle, exact: true });
      await expect(note).toBeVisible();
      await expect(note).toHaveClass(/admin-signing-off/);
      for (const text of [s.offBody, s.offFix, s.command]) await expect(note.getByText(text, { exact: true })).toBeVisible();
      await expect(page.getByRole('note', { name: s.onTitle, exact: true })).toHaveCount(0);
      const box = (await note.boundingBox())!;
      expect(box.x + box.width, code).toBeLessThanOrEqual(page.viewportSize()!.width);
      const sticks = (await page.getByRole('region', { name: admin(code).sticks, exact: true }).boundingBox())!;
      expect(box.y, `${code}: the notice sits with the sticks`).toBeGreaterThanOrEqual(sticks.y);
      expect(box.y + box.height, `${code}: the notice sits with the sticks`).toBeLessThanOrEqual(sticks.y + sticks.height);
      const readable = await new AxeBuilder({ page }).include('.admin-screen').withTags(['wcag2a', 'wcag2aa']).analyze();
      expect(
        readable.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        code,
      ).toEqual([]);
    }
    await page.getByRole('button', { name: admin('en').close, exact: true }).tap();

    const museum = generateKeyPair();
    const pem = path.join(data, 'museum.public.pem');
    fs.writeFileSync(pem, museum.publicKeyPem);
    trustKey(data, pem);
    await openAdmin(page, touch, admin('en').title);
    const s = admin('en').signing;
    const note = page.getByRole('note', { name: s.onTitle, exact: true });
    await expect(note).toBeVisible();
    await expect(note).toHaveClass(/admin-signing-on/);
    await expect(note).toContainText(s.onBody);
    await expect(note.getByText(museum.keyId, { exact: true })).toBeVisible();
    await expect(page.getByRole('note', { name: s.offTitle, exact: true })).toHaveCount(0);
    await page.getByRole('button', { name: admin('en').close, exact: true }).tap();
  } finally {
    await signingHost.stop();
  }
});

test('the one holding a staff corner sees a faint ring fill around the finger, gone on release; a tap shows nothing', async ({ page }) => {
  const touch = await Touch.on(page);
  await page.goto(host.url);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const ring = page.getByTestId('admin-hold-ring');
  await touch.press({ x: 20, y: 20 });
  await page.waitForTimeout(150);
  await touch.lift();
  await page.waitForTimeout(600);
  await expect(ring, 'a tap in the corner shows nothing').toHaveCount(0);

  await touch.press({ x: 20, y: 20 });
  await expect(ring).toBeVisible({ timeout: 2000 });
  const box = (await ring.boundingBox())!;
  expect(box.x + box.width / 2).toBeCloseTo(20, 0);
  expect(box.y + box.height / 2).toBeCloseTo(20, 0);
  expect(await ring.getAttribute('data-corner')).toBe('top-left');
  await expect(ring).toHaveText('');
  await touch.lift();
  await expect(ring).toHaveCount(0);

  const size = page.viewportSize()!;
  await touch.hold({ x: 20, y: 20 }, 3300);
  await expect(ring, 'gone once the first corner is done').toHaveCount(0);
  await touch.press({ x: size.width - 20, y: size.height - 20 });
  await expect(ring).toBeVisible({ timeout: 2000 });
  expect(await ring.getAttribute('data-corner')).toBe('bottom-right');
  await touch.lift();
  await expect(ring).toHaveCount(0);
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('a check that finds errors names each place in the staff’s language, counted from one, and lists no changes', async ({
  page,
}, info) => {
  test.setTimeout(120_000);
  const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'broken-'));
  fs.cpSync(packageDir, broken, { recursive: true });
  const file = path.join(broken, 'exhibit.json');
  const next = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof exhibit;
  (next.sections[1]!.panels[0] as { body?: Record<string, string[]> }).body!.ru = [''];
  next.sections[0]!.title.en = [''];
  fs.writeFileSync(file, JSON.stringify(next, null, 2));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', stick]);
  try {
    fs.cpSync(broken, path.join(stick, 'exhibit-broken'), { recursive: true });
    const touch = await Touch.on(page);
    await page.goto(host.url);
    await openAdmin(page, touch, admin('zh-Hans').title);
    await page.getByRole('button', { name: admin('zh-Hans').check, exact: true }).tap();
    const problems = page.locator('.admin-problems li');
    await expect(problems.first()).toBeVisible({ timeout: 30_000 });
    const places = {
      'zh-Hans': '第2单元 · 第1块展板 · 俄文正文',
      ru: 'раздел 2 · панель 1 · текст (рус.)',
      en: 'section 2 · panel 1 · body (Russian)',
    };
    for (const { code, name } of LANGUAGES) {
      await page.locator('.admin-header').getByRole('button', { name, exact: true }).tap();
      await expect(page.locator('.admin-problem-where').filter({ hasText: places[code] })).toHaveCount(1);
      await expect(page.locator('.admin-problems')).not.toContainText('sections[');
      await expect(page.locator('.admin-changes')).toHaveCount(0);
      await expect(page.getByText(admin(code).missingTranslations.split('{{')[0]!.trim(), { exact: false })).toHaveCount(0);
      for (const problem of await problems.all()) {
        const b = (await problem.boundingBox())!;
        expect(b.x + b.width, `${code}: a problem fits the screen`).toBeLessThanOrEqual(page.viewportSize()!.width);
      }
      if (process.env.ADMIN_SHOTS) {
        fs.mkdirSync(process.env.ADMIN_SHOTS, { recursive: true });
        await page.screenshot({ path: path.join(process.env.ADMIN_SHOTS, `admin-errors-${info.project.name}-${code}.png`) });
      }
    }
    await page.getByRole('button', { name: admin('en').close, exact: true }).tap();
  } finally {
    execFileSync('umount', ['-l', stick]);
  }
});

test('a package with a character no font of the kiosk draws is refused, the place and the character named in each language', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const boxed = fs.mkdtempSync(path.join(os.tmpdir(), 'undrawable-'));
  fs.cpSync(packageDir, boxed, { recursive: true });
  const file = path.join(boxed, 'exhibit.json');
  const next = JSON.parse(fs.readFileSync(file, 'utf8')) as typeof exhibit;
  // An emoji pasted into a title: visitors would see an empty box.
  next.sections[2]!.title['zh-Hans'] = [`${next.sections[2]!.title['zh-Hans']![0]!}🚜`];
  fs.writeFileSync(file, JSON.stringify(next, null, 2));
  execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64m', 'tmpfs', stick]);
  try {
    fs.cpSync(boxed, path.join(stick, 'exhibit-boxed'), { recursive: true });
    const touch = await Touch.on(page);
    await page.goto(host.url);
    await openAdmin(page, touch, admin('zh-Hans').title);
    await page.getByRole('button', { name: admin('zh-Hans').check, exact: true }).tap();
    const boxedProblem = page.locator('.admin-problems li').filter({ hasText: 'U+1F69C' });
    await expect(boxedProblem).toHaveCount(1, { timeout: 30_000 });
    const places = { 'zh-Hans': '第3单元 · 中文标题', ru: 'раздел 3 · заголовок (кит.)', en: 'section 3 · title (Chinese)' };
    for (const { code, name } of LANGUAGES) {
      await page.locator('.admin-header').getByRole('button', { name, exact: true }).tap();
      await expect(boxedProblem).toContainText('🚜');
      await expect(boxedProblem.locator('.admin-problem-where')).toContainText(places[code]);
    }
    await page.getByRole('button', { name: admin('en').close, exact: true }).tap();
  } finally {
    execFileSync('umount', ['-l', stick]);
  }
});

test('in portrait the staff’s own buttons (languages, self-test, close, back) sit at the foot of the admin screen and the self-test, in reach', async ({
  page,
}, info) => {
  test.skip(info.project.name !== 'portrait', 'the reach rule is for the portrait totem');
  const touch = await Touch.on(page);
  await page.goto(host.url);
  await openAdmin(page, touch, admin('zh-Hans').title);
  const above = () =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.admin-header button')]
        .filter((b) => b.getClientRects().length > 0)
        .map((b) => ({ name: b.textContent?.trim(), top: Math.round(b.getBoundingClientRect().top) }))
        .filter(({ top }) => top < (innerHeight * 2) / 3),
    );
  expect(await page.locator('.admin-header button').count()).toBeGreaterThanOrEqual(5);
  expect(await above()).toEqual([]);
  await page
    .locator('.admin-header')
    .getByRole('button', { name: admin('zh-Hans').selfTest, exact: true })
    .tap();
  await expect(page.locator('.admin-header .admin-back')).toBeVisible();
  expect(await above()).toEqual([]);
});
