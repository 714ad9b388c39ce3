import type { TFunction } from 'i18next';
import { MESSAGE_PARAMS, paramsOf, type AdminMessage, type ParamKind } from '../../core/admin/messages.ts';
import type { Language } from '../../core/content/schema.ts';
import { resources } from '../i18n.ts';
import { formatSize } from './format-size.ts';

/**
 * An admin code in the staff's language: `admin.message.<code>` with its parameters, sizes
 * written in the language's units (「1.5 MB」, «1,5 МБ»). The core sends codes, never sentences.
 */
export function sayMessage(message: AdminMessage, t: TFunction, language: Language): string {
  const kinds: Record<string, ParamKind> = MESSAGE_PARAMS[message.code];
  const units = resources[language].common.admin.size;
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(paramsOf(message)))
    values[name] = kinds[name] === 'bytes' && typeof value === 'number' ? formatSize(value, language, units) : value;
  return t(`admin.message.${message.code}`, values);
}
