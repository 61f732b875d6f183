import { StreamableFile } from '@nestjs/common';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

/**
 * Cells a spreadsheet would run as a formula (OWASP "CSV Injection"): starting with = + - @, a tab
 * or a carriage return. They get a leading single quote, so Excel and LibreOffice show text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function escapeCell(value: unknown): unknown {
  if (value === null || value === undefined) return '';
  // Numbers, booleans and dates keep csv-stringify's own casting: none can start a formula but -1.
  if (typeof value !== 'string') return value;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** The reverse of `escapeCell`, for files PeerPath wrote itself and reads back (HSDS import). */
export function unescapeCell(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text.slice(1)) ? text.slice(1) : text;
}

/** Every CSV the API writes goes through here (a test refuses csv-stringify anywhere else). */
export function toCsv<C extends string>(
  columns: readonly C[],
  rows: readonly (readonly unknown[] | Partial<Record<C, unknown>>)[],
): string {
  return stringify(
    rows.map((row) =>
      Array.isArray(row)
        ? row.map(escapeCell)
        : columns.map((c) => escapeCell((row as Partial<Record<C, unknown>>)[c])),
    ),
    { header: true, columns: [...columns] },
  );
}

/** Reads a CSV with a header row into records, undoing `escapeCell`. */
export function fromCsv(text: string): Record<string, string>[] {
  const rows = parse(text, {
    columns: true,
    skip_empty_lines: true,
    relax_column_count: true,
    trim: true,
    bom: true,
  }) as Record<string, string>[];
  for (const row of rows) for (const key of Object.keys(row)) row[key] = unescapeCell(row[key] ?? '');
  return rows;
}

/** A CSV download of `rows`, one column per name in `columns`; lists are joined with spaces. */
export function csvFile<T>(columns: readonly (keyof T & string)[], rows: readonly T[]): StreamableFile {
  const cell = (v: unknown) => (Array.isArray(v) ? v.join(' ') : typeof v === 'boolean' ? String(v) : v);
  const csv = toCsv(
    columns,
    rows.map((r) => columns.map((c) => cell(r[c]))),
  );
  return new StreamableFile(Buffer.from(csv, 'utf8'));
}
