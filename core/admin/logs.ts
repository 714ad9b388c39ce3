/**
 * Saving the kiosk's logs to a stick from the admin screen, for staff to carry to a technician;
 * the answer is a code the screen says in the staff's language.
 */
import type { ExportLogsAnswer } from '../contract.ts';
import type { Stick } from '../import/sticks.ts';
import { exportLogs } from '../log.ts';

/** Copies the logs onto `stick` (undefined: it is no longer there). */
export async function exportLogsTo(
  dataDir: string,
  stick: Stick | undefined,
  log: (event: string, fields?: Record<string, unknown>) => void,
): Promise<ExportLogsAnswer> {
  if (!stick) return { ok: false, files: [], answer: { code: 'stick-gone' } };
  try {
    const written = await exportLogs(dataDir, stick.mountPoint);
    log('logs-exported', { stick: stick.label, files: written.length });
    return { ok: true, files: written, answer: { code: 'logs-saved', count: written.length } };
  } catch (e) {
    const error = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    log('logs-export-refused', { stick: stick.label, error });
    return { ok: false, files: [], answer: { code: 'logs-not-written', error } };
  }
}
