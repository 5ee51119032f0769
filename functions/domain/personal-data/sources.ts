// Policy §1: the kinds of source personal data is acquired from. Every record names one, so the
// dossier and the privacy notice can say where each piece of data came from (APPI Art. 21, 33).

import { ACQUISITION_SOURCES } from './source-words';

export { ACQUISITION_SOURCES };

export type AcquisitionSource = (typeof ACQUISITION_SOURCES)[number]['id'];
export const ACQUISITION_SOURCE_IDS = ACQUISITION_SOURCES.map((s) => s.id) as [
  AcquisitionSource,
  ...AcquisitionSource[],
];

export function acquisitionSource(id: string) {
  return ACQUISITION_SOURCES.find((s) => s.id === id);
}
