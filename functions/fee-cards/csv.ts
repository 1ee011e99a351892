/** The fee audit as CSV: the range's totals by unit and fee item (complete, from the counters). */
import { toCsv, yuanCell, type Column } from '#shared/http/csv';
import type { audit } from './service.ts';

type Row = Awaited<ReturnType<typeof audit>>['totals']['byUnitAndItem'][number];

const columns: Column<Row>[] = [
  { header: '收费单位 Unit', value: (row) => row.unit },
  { header: '收费项目 Fee item', value: (row) => row.feeItemCode },
  { header: '登记笔数 Entries', value: (row) => row.entries },
  { header: '登记金额(元) Amount (yuan)', value: (row) => yuanCell(row.amount) },
  { header: '拒缴笔数 Refused', value: (row) => row.refused },
  { header: '拒缴金额(元) Refused amount (yuan)', value: (row) => yuanCell(row.refusedAmount) },
  { header: '被拒登记 Rejected attempts', value: (row) => row.rejectedAttempts },
];

export const auditCsv = (report: Awaited<ReturnType<typeof audit>>): string => toCsv(columns, report.totals.byUnitAndItem);
