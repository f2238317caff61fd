/** What a patient search box holds: a date of birth, an MRN, or (part of) a name. */
export type PatientSearch = { dateOfBirth: string } | { mrn: string } | { name: string };

/**
 * Reads the search box: YYYY-MM-DD or M/D/YYYY is a date of birth; digits alone are an MRN
 * (zero-padded to six, as MRNs are issued); anything else is a name.
 */
export function parsePatientSearch(input: string): PatientSearch {
  const q = input.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(q);
  if (iso && isRealDate(+iso[1]!, +iso[2]!, +iso[3]!)) return { dateOfBirth: q };
  const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(q);
  if (us && isRealDate(+us[3]!, +us[1]!, +us[2]!))
    return { dateOfBirth: `${us[3]}-${us[1]!.padStart(2, '0')}-${us[2]!.padStart(2, '0')}` };
  if (/^\d{1,12}$/.test(q)) return { mrn: q.padStart(6, '0') };
  return { name: q.replace(/\s+/g, ' ') };
}

function isRealDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}
