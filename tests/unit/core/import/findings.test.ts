import { describe, expect, it } from 'vitest';
import { englishMessage } from '../../../../core/admin/english.ts';
import { confirmationFinding, MESSAGE_CODES } from '../../../../core/admin/messages.ts';
import { formatProblem } from '../../../../core/content/load.ts';
import { confirmationProblem, failureFinding, findingProblem } from '../../../../core/import/findings.ts';
import { sampleMessages } from '../../../fixtures/admin-messages.ts';

const errno = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('import findings', () => {
  it('say every admin code in English for the CLI and the logs, its parameters in it', () => {
    expect(MESSAGE_CODES.length).toBeGreaterThan(20);
    for (const message of sampleMessages()) {
      const text = englishMessage(message);
      expect(text.trim(), message.code).not.toBe('');
      expect(text, message.code).not.toMatch(/{{|undefined|\[object/);
      for (const [name, value] of Object.entries(message))
        if (name !== 'code' && typeof value === 'string') expect(text, `${message.code}: ${name}`).toContain(value);
    }
  });

  it('name what a failed file operation means for staff, and keep the system’s code for a technician', () => {
    expect(failureFinding(errno('ENOSPC'))).toEqual({ code: 'disk-full', error: 'ENOSPC' });
    expect(failureFinding(errno('ENODEV'))).toEqual({ code: 'stick-pulled', error: 'ENODEV' });
    expect(failureFinding(errno('ETIMEDOUT'))).toEqual({ code: 'stick-silent', error: 'ETIMEDOUT' });
    expect(failureFinding(errno('EIO'))).toEqual({ code: 'io-error', error: 'EIO' });
    expect(failureFinding(errno('ENOENT'))).toEqual({ code: 'file-vanished', error: 'ENOENT' });
    expect(failureFinding(errno('EPERM'))).toEqual({ code: 'permission-refused', error: 'EPERM' });
    expect(failureFinding(errno('EBUSY', 'resource busy'))).toEqual({ code: 'install-failed', error: 'resource busy [EBUSY]' });
    expect(failureFinding(new Error('the new version did not become active'))).toEqual({
      code: 'install-failed',
      error: 'the new version did not become active',
    });
  });

  it('keep the import’s English as it was: the CLI reads the same lines', () => {
    expect(formatProblem(findingProblem('exhibit.zip', failureFinding(errno('ENOSPC'))))).toBe(
      'exhibit.zip: could not be installed: the kiosk’s disk is full [ENOSPC]',
    );
    expect(formatProblem(findingProblem('.', { code: 'no-room', needed: 300 * 1024 * 1024, free: 1000 }))).toBe(
      '.: needs 300 MB but the kiosk’s disk has only 1000 bytes free',
    );
    const other = {
      active: '1.0.0',
      incoming: '1.0.0',
      reason: 'other-exhibit',
      activeId: 'kharkiv-luoyang',
      incomingId: 'fixture',
    } as const;
    expect(formatProblem(confirmationProblem(other))).toBe(
      'exhibit.json: id: is the exhibit "fixture", not "kharkiv-luoyang" that is on screen; confirm to replace it',
    );
    expect(confirmationFinding({ ...other, reason: 'older', incoming: '0.9.0' })).toEqual({
      code: 'older-version',
      incoming: '0.9.0',
      active: '1.0.0',
    });
  });
});
