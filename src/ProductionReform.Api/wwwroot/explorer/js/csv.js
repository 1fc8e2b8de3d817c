// CSV of what a view shows when no export list matches it (search hits, graph relations): made in the page,
// in the export's form (UTF-8 with BOM, RFC 4180 quoting, the same guard before formula-like cells).
const formulaStart = /^[=@\t\r]|^[+-](?!\d+(\.\d+)?$)/;

function cell(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (formulaStart.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** An object URL of the rows as CSV; rows are arrays, the first one the header. */
export function csvUrl(rows) {
  const text = rows.map(row => row.map(cell).join(',')).join('\r\n') + '\r\n';
  return URL.createObjectURL(new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' }));
}
