import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import type { Touch } from './touch.ts';

/** The staff PIN the end-to-end tests set on their data folders. */
export const PIN = '482913';

/** Sets the staff PIN of a data folder through the real command line, as a technician does. */
export function setPin(dataDir: string, pin = PIN): void {
  execFileSync(process.execPath, ['bin/kiosk-content.mjs', 'set-pin', '--data', dataDir], { input: `${pin}\n` });
}

/** Trusts a signing key on a data folder through the real command line. */
export function trustKey(dataDir: string, publicKeyPem: string): void {
  execFileSync(process.execPath, ['bin/kiosk-content.mjs', 'trust-key', '--data', dataDir, '--key', publicKeyPem]);
}

/** The staff gesture: the top-left corner, then the bottom-right one, held for three seconds each. */
export async function holdCorners(page: Page, touch: Touch): Promise<void> {
  const size = page.viewportSize()!;
  await touch.hold({ x: 20, y: 20 }, 3300);
  await touch.hold({ x: size.width - 20, y: size.height - 20 }, 3300);
}

/** Taps a PIN on the open PIN pad. */
export async function enterPin(page: Page, pin: string): Promise<void> {
  for (const digit of pin) await page.getByRole('dialog').getByRole('button', { name: digit, exact: true }).tap();
}

/** Opens the admin screen the way staff do, and waits for its title (`title`: in the language on screen). */
export async function openAdmin(page: Page, touch: Touch, title: string, pin = PIN): Promise<void> {
  // A hold that starts before the exhibit is drawn lands on nothing: wait for the page's title first.
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  await holdCorners(page, touch);
  await expect(page.getByRole('dialog')).toBeVisible();
  await enterPin(page, pin);
  await expect(page.getByRole('heading', { level: 1, name: title, exact: true })).toBeVisible();
}
