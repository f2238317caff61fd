/**
 * One CSV line (RFC 4180). Cells that a spreadsheet would run as a formula (=, +, -, @, tab, CR)
 * are prefixed with an apostrophe (OWASP CSV injection guidance).
 */
export function csvLine(cells: readonly (string | number | boolean | null | undefined)[]): string {
  return cells
    .map((cell) => {
      let text = cell === null || cell === undefined ? '' : String(cell);
      if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
    })
    .join(',');
}
