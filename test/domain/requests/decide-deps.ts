// The dependencies of decideRequest as the request-type tests use them: one request, Hanako's holdings,
// the policy's purposes, and recording doubles; a test overrides what its type needs.

import { POLICY_PURPOSES } from '../../../functions/domain/purposes/registry';
import type { DeskRequest } from '../../../functions/domain/requests/request';
import { DEMO_COMPANY } from '../../support/company';
import {
  ApplyingWriter,
  ArrayRequestReader,
  FixedClock,
  MapHoldingsReader,
  RecordingAccessLog,
  SequenceSecrets,
} from '../doubles';
import { HANAKO_HOLDINGS } from '../holdings-fixture';
import { MemorySuppressions, TEST_MAC } from '../personal-data/personal-data-doubles';
import { JP_THIRD_PARTY, MemoryRecipients } from '../provisions/doubles';
import { MapLifecycles } from '../purposes/doubles';

export function decideDeps(
  request: DeskRequest,
  now: string,
  overrides: {
    holdings?: MapHoldingsReader;
    lifecycles?: MapLifecycles;
    recipients?: MemoryRecipients;
    suppressions?: MemorySuppressions;
  } = {},
) {
  const requests = new ArrayRequestReader([request]);
  return {
    requests,
    holdings: overrides.holdings ?? new MapHoldingsReader({ 'hanako.yamada@example.jp': HANAKO_HOLDINGS }),
    purposes: { versions: async () => [...POLICY_PURPOSES] },
    accessLog: new RecordingAccessLog(),
    writer: new ApplyingWriter(requests),
    secrets: new SequenceSecrets(),
    lifecycles: overrides.lifecycles ?? new MapLifecycles(),
    recipients: overrides.recipients ?? new MemoryRecipients([JP_THIRD_PARTY]),
    identifierMac: TEST_MAC,
    suppressions: overrides.suppressions ?? new MemorySuppressions(),
    clock: new FixedClock(now),
    company: DEMO_COMPANY,
  };
}
