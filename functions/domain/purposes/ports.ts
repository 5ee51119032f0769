import type { PurposeVersion } from './registry';

export interface PurposeVersionReader {
  /** Every published version: the policy's own (in code) and every version published since (stored). */
  versions(): Promise<PurposeVersion[]>;
}
