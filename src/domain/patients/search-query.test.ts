import { describe, expect, it } from 'vitest';
import { parsePatientSearch } from './search-query.js';

describe('parsePatientSearch', () => {
  it('reads ISO and US dates of birth', () => {
    expect(parsePatientSearch('1990-04-07')).toEqual({ dateOfBirth: '1990-04-07' });
    expect(parsePatientSearch(' 4/7/1990 ')).toEqual({ dateOfBirth: '1990-04-07' });
    expect(parsePatientSearch('12/31/2001')).toEqual({ dateOfBirth: '2001-12-31' });
  });

  it('treats impossible dates as names, not dates', () => {
    expect(parsePatientSearch('2023-02-30')).toEqual({ name: '2023-02-30' });
    expect(parsePatientSearch('13/01/2020')).toEqual({ name: '13/01/2020' });
  });

  it('reads digits as an MRN, padded to six', () => {
    expect(parsePatientSearch('42')).toEqual({ mrn: '000042' });
    expect(parsePatientSearch('001234')).toEqual({ mrn: '001234' });
  });

  it('reads anything else as a name, with spaces folded', () => {
    expect(parsePatientSearch('  Jane   Doe ')).toEqual({ name: 'Jane Doe' });
    expect(parsePatientSearch("O'Brien")).toEqual({ name: "O'Brien" });
  });
});
