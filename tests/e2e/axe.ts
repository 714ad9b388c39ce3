import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * Serious and critical axe findings on what is on screen now, one line each (where, rule,
 * elements); `alsoRules` names rules reported whatever their impact (the 3D screen's 'region').
 */
export async function seriousAxeFindings(page: Page, where: string, alsoRules: readonly string[] = []): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || alsoRules.includes(v.id))
    .map(
      (v) =>
        `${where}: ${v.id} (${v.impact}): ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 4)
          .join(' | ')}`,
    );
}
