/**
 * Going back to an earlier version from the admin screen: the same rule and switch as the CLI's
 * `rollback` (core/import/versions.ts), then the screen told, and the answer as a code.
 */
import type { RollbackAnswer } from '../contract.ts';
import type { ContentStore } from '../content/store.ts';
import { BUILT_IN, rollback } from '../import/versions.ts';

/** What a rollback needs of the kiosk. */
export interface RollbackContext {
  dataDir: string;
  content: Pick<ContentStore, 'builtIn'>;
  refresh: () => Promise<unknown>;
  log: (event: string, fields?: Record<string, unknown>) => void;
}

/** Goes back to the kept version `name`, or to the built-in exhibit for `BUILT_IN`. */
export async function rollbackTo(name: string, context: RollbackContext): Promise<RollbackAnswer> {
  const done = await rollback(context.dataDir, name);
  if (!done.ok) {
    context.log('rollback-refused', { to: name, code: done.refusal.code });
    return { ok: false, answer: done.refusal };
  }
  await context.refresh();
  const version = done.target === BUILT_IN ? (await context.content.builtIn()).exhibit.version : done.target.version;
  context.log('rollback', { to: done.target === BUILT_IN ? BUILT_IN : done.target.name });
  return { ok: true, answer: { code: 'rolled-back', version } };
}
