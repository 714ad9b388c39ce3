/**
 * Runtime checks of request payloads, typed against the contract so that the two cannot
 * drift apart. Hosts run every request through `parseRequest` before the core sees it.
 */
import { z } from 'zod';
import { ContractError, type RequestChannel, type RequestPayload } from './contract.ts';

const none = z.undefined();

/** One schema per request channel. */
export const requestSchemas: { [C in RequestChannel]: z.ZodType<RequestPayload<C>> } = {
  'app:info': none,
  'content:current': none,
  'settings:get': none,
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
