import type { TFunction } from 'i18next';
import { MESSAGE_PARAMS, type AdminMessage } from '../../core/admin/messages.ts';
import { paramsOf, type ParamKind } from '../../core/codes.ts';
import { PROBLEM_PARAMS, type ContentProblem } from '../../core/content/problem-codes.ts';
import type { Language } from '../../core/content/schema.ts';
import { resources } from '../i18n.ts';
import { formatSize } from './format-size.ts';

/**
 * Parameters as the language writes them: sizes in its units (「1.5 MB」, «1,5 МБ»), language
 * tags by the language's name for them (「俄文」), the rest as given.
 */
function sayParams(
  params: Record<string, string | number>,
  kinds: Record<string, ParamKind>,
  language: Language,
): Record<string, string | number> {
  const { size: units, place } = resources[language].common.admin;
  const names: Record<string, string> = place.languages;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params))
    values[name] =
      kinds[name] === 'bytes' && typeof value === 'number'
        ? formatSize(value, language, units)
        : kinds[name] === 'language' && typeof value === 'string'
          ? (names[value] ?? value)
          : value;
  return values;
}

/**
 * An admin code in the staff's language: `admin.message.<code>` with its parameters, sizes
 * written in the language's units. The core sends codes, never sentences.
 */
export function sayMessage(message: AdminMessage, t: TFunction, language: Language): string {
  return t(`admin.message.${message.code}`, sayParams(paramsOf(message), MESSAGE_PARAMS[message.code], language));
}

/** A validator's problem in the staff's language: `admin.problem.<code>` with its parameters. */
export function sayProblem(problem: ContentProblem, t: TFunction, language: Language): string {
  return t(`admin.problem.${problem.code}`, sayParams(paramsOf(problem), PROBLEM_PARAMS[problem.code], language));
}
