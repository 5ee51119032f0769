// Shared by the My Number handler tests: registering through the real handler, and capturing every
// log line a handler writes, to prove the number never reaches one.
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { logger } from '../../functions/adapters/logger';
import { handler as registerHandler } from '../../functions/handlers/register-my-number';
import { invoke } from '../support/desk';
import { systemPrincipal } from '../support/requests';

/** Valid Individual Numbers (test/domain/my-number/documents.test.ts works the check digits out). */
export const NUMBER = '123456789018';
export const OTHER_NUMBER = '987654321093';

export const PAYROLL = systemPrincipal('payroll');

/** A declaration for this year, filed on 5 January; the tax year goes only with a tax document. */
export const registration = (subjectId: string, fields: Record<string, unknown> = {}) => {
  const body: Record<string, unknown> = {
    subjectId,
    affair: 'tax',
    document: 'dependant-deduction-declaration',
    documentDate: `${new Date().getUTCFullYear()}-01-05`,
    number: NUMBER,
    ...fields,
  };
  return body.document === 'dependant-deduction-declaration' && !('taxYear' in fields)
    ? { ...body, taxYear: new Date().getUTCFullYear() }
    : body;
};

/** `principal: null` sends the call unsigned. */
export const register = (body: unknown, principal: string | null = PAYROLL) =>
  invoke(registerHandler, {
    method: 'POST',
    path: '/v1/system/my-number',
    resource: '/v1/system/my-number',
    body,
    ...(principal ? { principal } : {}),
  });

export async function registered(body: unknown) {
  const result = await register(body);
  expect(result.status, JSON.stringify(result.json)).toBe(201);
  return result.json;
}

/**
 * Everything the handlers write to stdout or stderr during each test, at every log level. Call at
 * the top of a test file; read `logs.text` in a test.
 */
export function captureLogs() {
  const logs = { text: '' };
  const levelBefore = logger.getLevelName();
  beforeEach(() => {
    logs.text = '';
    logger.setLogLevel('DEBUG');
    for (const stream of [process.stdout, process.stderr]) {
      vi.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        logs.text += String(chunk);
        return true;
      });
    }
  });
  afterEach(() => {
    vi.restoreAllMocks();
    logger.setLogLevel(levelBefore);
  });
  return logs;
}
