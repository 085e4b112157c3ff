// CSV as spreadsheets read it: a byte-order mark (so that Excel takes it as UTF-8), CRLF lines, cells quoted when
// they hold a comma, a quote or a line break, and a text that a spreadsheet would run as a formula kept as text.

/** One cell. */
export function csvCell(value) {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? "'" + value : String(value);
  return /[",\r\n]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
}

/** A whole file: a header line and the rows, each an array of cells. */
export function csvFile(header, rows) {
  return '\ufeff' + [header, ...rows].map(cells => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
