/**
 * Runtime checks of request payloads, typed against the contract so that the two cannot
 * drift apart. Hosts run every request through `parseRequest` before the core sees it.
 */
import { z } from 'zod';
import { ContractError, type RequestChannel, type RequestPayload } from './contract.ts';

const none = z.undefined();

/** A package's id on a stick, as the stick watcher makes them (16 hex digits). */
const id = z.string().regex(/^[0-9a-f]{16}$/);

/** One schema per request channel: a channel without one does not compile. */
export const requestSchemas: { [C in RequestChannel]: z.ZodType<RequestPayload<C>> } = {
  'app:info': none,
  'content:current': none,
  'content:health': z.strictObject({ key: z.string().max(300), ok: z.boolean(), detail: z.string().max(500).optional() }),
  'settings:get': none,
  'admin:unlock': z.strictObject({ pin: z.string().max(12) }),
  'admin:lock': none,
  'admin:overview': none,
  'admin:inspect': z.strictObject({ packageId: id }),
  'admin:install': z.strictObject({ packageId: id, confirm: z.boolean() }),
  'admin:rollback': z.strictObject({ name: z.string().regex(/^[A-Za-z0-9._@-]{1,120}$/) }),
  'admin:exportLogs': z.strictObject({ stick: z.string().max(200) }),
  'app:heartbeat': z.strictObject({ rendered: z.boolean() }),
  'selftest:info': none,
};

/** Checks a request's payload; throws a `ContractError` naming the channel and field. */
export function parseRequest<C extends RequestChannel>(channel: C, payload: unknown): RequestPayload<C> {
  const result = (requestSchemas[channel] as z.ZodType<RequestPayload<C>>).safeParse(payload);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new ContractError(`${channel}: ${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'bad payload'}`);
  }
  return result.data;
}
