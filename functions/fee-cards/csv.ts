/** The fee audit as CSV: the range's totals by unit and fee item (complete, from the counters). */
import { field, toCsv, yuanCell, type Column } from '#shared/http/csv';
import type { audit } from './service.ts';

type Row = Awaited<ReturnType<typeof audit>>['totals']['byUnitAndItem'][number];

const columns: Column<Row>[] = [
  field('收费单位 Unit', 'unit'),
  field('收费项目 Fee item', 'feeItemCode'),
  field('登记笔数 Entries', 'entries'),
  { header: '登记金额(元) Amount (yuan)', value: (row) => yuanCell(row.amount) },
  field('拒缴笔数 Refused', 'refused'),
  { header: '拒缴金额(元) Refused amount (yuan)', value: (row) => yuanCell(row.refusedAmount) },
  field('被拒登记 Rejected attempts', 'rejectedAttempts'),
];

export const auditCsv = (report: Awaited<ReturnType<typeof audit>>): string => toCsv(columns, report.totals.byUnitAndItem);
