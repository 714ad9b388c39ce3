/**
 * The answers to staff requests in English, for the CLI and the logs (technicians read those;
 * staff read the admin screen, which says the same codes in their own language from
 * `locales/`). The import's findings have theirs beside the import, in `core/import/findings.ts`;
 * the validator's problems theirs beside the validator, in `core/content/problem-codes.ts`.
 */
import { englishFinding } from '../import/findings.ts';
import { isAnswer, type AdminAnswer, type AdminMessage } from './messages.ts';

/** An answer to a staff request as an English sentence. */
export function englishAnswer(answer: AdminAnswer): string {
  switch (answer.code) {
    case 'import-running':
      return 'An import is already running.';
    case 'package-gone':
      return 'That package is no longer on a stick (was the stick pulled out?).';
    case 'stick-gone':
      return 'That stick is no longer there.';
    case 'no-such-version':
      return `There is no earlier version named "${answer.name}".`;
    case 'no-earlier-version':
      return 'There is no earlier version to go back to.';
    case 'rolled-back':
      return `Back to version ${answer.version}.`;
    case 'logs-saved':
      return `${answer.count} log files saved.`;
    case 'logs-not-written':
      return `The logs could not be written to the stick (${answer.error}).`;
  }
}

/** Any admin code in English: an answer as a sentence, an import's finding in its problem's words. */
export function englishMessage(message: AdminMessage): string {
  return isAnswer(message) ? englishAnswer(message) : englishFinding(message);
}
