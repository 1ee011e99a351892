import { reply } from './reply.ts';

/**
 * CSV for the people who file reports: UTF-8 with a byte order mark (so Excel opens Chinese
 * correctly), CRLF line ends and RFC 4180 quoting. A text cell that a spreadsheet would run as
 * a formula (= + - @ at its start) is prefixed with an apostrophe.
 */
export type Cell = string | number | boolean | null | undefined;

export interface Column<Row> {
  header: string;
  value: (row: Row) => Cell;
}

/** A column that shows one field of the row as it is. */
export const field = <Row extends Record<Key, Cell>, Key extends string>(header: string, key: Key): Column<Row> => ({
  header,
  value: (row) => row[key],
});

const BOM = '\uFEFF';

export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  const lines = [
    columns.map((column) => csvCell(column.header)),
    ...rows.map((row) => columns.map((column) => csvCell(column.value(row)))),
  ];
  return BOM + lines.map((cells) => cells.join(',')).join('\r\n') + '\r\n';
}

/** Whether the request asks for CSV (Accept: text/csv, possibly among others with a q-value). */
export const wantsCsv = (accept: string | undefined): boolean =>
  (accept ?? '').split(',').some((part) => {
    const [type, ...params] = part
      .trim()
      .toLowerCase()
      .split(';')
      .map((piece) => piece.trim());
    return type === 'text/csv' && !params.some((param) => /^q=0(\.0*)?$/.test(param));
  });

/** Yuan with two decimals, from fen. */
export const yuanCell = (fen: number): string => (fen / 100).toFixed(2);

export const csvReply = (csv: string, filename: string) =>
  reply({
    status: 200,
    text: csv,
    headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${filename}"` },
  });
