/**
 * Standard instruments: definitions and pure scoring, one file each (clinical-facts.md §2.1).
 * `INSTRUMENTS[id].score({ answers, sex })` takes answers in item order and throws
 * InstrumentAnswerError on anything incomplete or invalid.
 */
import { asq } from './asq.js';
import { auditC } from './audit-c.js';
import { audit } from './audit.js';
import { cssrs } from './c-ssrs.js';
import { dast10 } from './dast-10.js';
import { gad2 } from './gad-2.js';
import { gad7 } from './gad-7.js';
import { mdq } from './mdq.js';
import { pcl5 } from './pcl-5.js';
import { phq2 } from './phq-2.js';
import { phq9 } from './phq-9.js';
import { INSTRUMENT_IDS, type Instrument, type InstrumentId } from './types.js';

export * from './types.js';

export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = Object.freeze({
  'phq-9': phq9,
  'phq-2': phq2,
  'gad-7': gad7,
  'gad-2': gad2,
  'pcl-5': pcl5,
  audit,
  'audit-c': auditC,
  'dast-10': dast10,
  mdq,
  asq,
  'c-ssrs': cssrs,
});

export function isInstrumentId(value: unknown): value is InstrumentId {
  return INSTRUMENT_IDS.some((id) => id === value);
}
