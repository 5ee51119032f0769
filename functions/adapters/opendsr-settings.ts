// Where holders call the desk back and the domain its OpenDSR extension is keyed by: both from the
// desk's public base URL (its host is the desk's own domain, OpenDSR §7.1.2), unless set.
import { DESK_OPENDSR_EXTENSION } from '../domain/fulfilment/task';

export const CALLBACK_PATH = '/v1/opendsr/callbacks';

export function callbackUrlOf(publicBaseUrl: string): string {
  return `${publicBaseUrl.replace(/\/+$/, '')}${CALLBACK_PATH}`;
}

/** The settings a worker sends with; read per call, as the local desk sets its URL when it starts. */
export function openDsrSettings(): { callbackUrl: string; extensionDomain: string } {
  const base = process.env.DESK_PUBLIC_BASE_URL;
  if (!base) throw new Error('DESK_PUBLIC_BASE_URL is not set: holders could not call the desk back');
  return {
    callbackUrl: callbackUrlOf(base),
    extensionDomain: process.env[DESK_OPENDSR_EXTENSION] || new URL(base).hostname,
  };
}
