/** CSV for the people who file reports: the fee audit and the evaluation with Accept: text/csv, byte for byte. */
import { describe, expect, it } from 'vitest';
import { call, runtime, tokenFor } from '../support/http.ts';
import { newCode, newCreditCode, newDeptId } from '../support/data.ts';
import { csvCell, toCsv, wantsCsv } from '#shared/http/csv';

const BOM = [0xef, 0xbb, 0xbf];

async function csvBytes(path: string, token?: string, accept = 'text/csv') {
  const response = await fetch(`${runtime.url}${path}`, { headers: { accept, ...(token ? { authorization: `Bearer ${token}` } : {}) } });
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}
const lines = (bytes: Buffer) => bytes.subarray(3).toString('utf8').split('\r\n');

describe('CSV', () => {
  it('escapes cells as RFC 4180 says and keeps formulas from running', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
    expect(Buffer.from(toCsv([{ header: '部门 Department', value: (row: string) => row }], ['市场监管局, "一"']))).toEqual(
      Buffer.concat([Buffer.from(BOM), Buffer.from('部门 Department\r\n"市场监管局, ""一"""\r\n', 'utf8')]),
    );
    expect(wantsCsv('text/csv')).toBe(true);
    expect(wantsCsv('application/json, text/csv;q=0.5')).toBe(true);
    expect(wantsCsv('text/csv;q=0')).toBe(false);
    expect(wantsCsv('application/json')).toBe(false);
  });

  it('GET /fee-audit answers the totals by unit and fee item as CSV, in yuan, and JSON without the header', async () => {
    const office = await tokenFor({ roles: ['soft-env-office'] });
    const park = await tokenFor({ roles: ['park-office'] });
    const supervisor = await tokenFor({ roles: ['supervisor'] });
    const dept = newDeptId('csv');
    const clerk = await tokenFor({ roles: ['department'], dept });
    const code = newCode('CSV');
    const ent = newCreditCode();
    expect((await call('PUT', `/departments/${dept}`, { token: office, json: { name: '市场监管局' } })).status).toBe(201);
    expect(
      (
        await call('PUT', `/fee-items/${code}`, {
          token: office,
          json: { unit: dept, name: '检定费', legalBasis: '计量法', standard: { kind: 'range', min: 100, max: 20000 } },
        })
      ).status,
    ).toBe(201);
    expect((await call('POST', '/fee-cards', { token: park, json: { enterpriseId: ent, enterpriseName: '闽江纺织' } })).status).toBe(201);
    for (const [amount, receipt] of [
      [12050, 'A'],
      [300, 'B'],
    ] as const) {
      const entry = await call('POST', `/fee-cards/${ent}/entries`, {
        token: clerk,
        json: { feeItemCode: code, amount, collector: '王丽', collectedAt: new Date().toISOString(), receiptNo: `${code}-${receipt}` },
      });
      expect(entry.status).toBe(201);
    }
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const path = `/fee-audit?from=${today}&to=${today}`;

    const csv = await csvBytes(path, supervisor);
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(`attachment; filename="fee-audit-${today}-${today}.csv"`);
    expect([...csv.bytes.subarray(0, 3)]).toEqual(BOM);
    const rows = lines(csv.bytes);
    expect(rows[0]).toBe(
      '收费单位 Unit,收费项目 Fee item,登记笔数 Entries,登记金额(元) Amount (yuan),拒缴笔数 Refused,拒缴金额(元) Refused amount (yuan),被拒登记 Rejected attempts',
    );
    expect(rows).toContain(`${dept},${code},2,123.50,0,0.00,0`);
    expect(rows.at(-1)).toBe('');

    const json = await call('GET', path, { token: supervisor });
    expect(json.contentType).toContain('application/json');
    expect(json.body.totals.byUnitAndItem).toContainEqual(
      expect.objectContaining({ unit: dept, feeItemCode: code, entries: 2, amount: 12350 }),
    );
    // The CSV is the same report: still only for the office and the supervisors.
    expect((await csvBytes(path, clerk)).status).toBe(403);
  });

  it('GET /evaluations/{quarter} answers the ranking as CSV, the last placed marked', async () => {
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
    // Other tests register departments and count events meanwhile: take a JSON and a CSV answer of the same state.
    const expectedRow = (department: any, last: Set<string>) => [
      String(department.rank),
      department.name,
      department.deptId,
      String(department.score),
      last.has(department.deptId) ? '是 yes' : '',
      String(department.figures.complaintsReceived),
    ];
    const agree = (json: any, rows: string[]) => {
      const last = new Set((json.body.lastPlaced as { deptId: string }[]).map((row) => row.deptId));
      return (
        rows.length - 2 === json.body.departments.length &&
        json.body.departments.every((department: any) =>
          rows.some((line) => JSON.stringify(line.split(',').slice(0, 6)) === JSON.stringify(expectedRow(department, last))),
        )
      );
    };
    let json = await call('GET', `/evaluations/${quarter}`);
    let csv = await csvBytes(`/evaluations/${quarter}`, undefined, 'text/csv, application/json;q=0.5');
    for (let tries = 0; tries < 10 && !agree(json, lines(csv.bytes)); tries += 1) {
      json = await call('GET', `/evaluations/${quarter}`);
      csv = await csvBytes(`/evaluations/${quarter}`, undefined, 'text/csv, application/json;q=0.5');
    }
    expect(csv.status).toBe(200);
    expect(csv.contentType).toBe('text/csv; charset=utf-8');
    expect([...csv.bytes.subarray(0, 3)]).toEqual(BOM);
    const rows = lines(csv.bytes);
    expect(rows[0]!.split(',').slice(0, 6)).toEqual([
      '排名 Rank',
      '部门 Department',
      '部门代码 Department id',
      '得分 Score',
      '末位 Last placed',
      '收到投诉 Complaints received',
    ]);
    expect(rows.length - 2).toBe(json.body.departments.length);
    const last = new Set((json.body.lastPlaced as { deptId: string }[]).map((row) => row.deptId));
    for (const department of json.body.departments as any[]) {
      const row = rows.find((line) => line.split(',')[2] === department.deptId);
      expect(row, department.deptId).toBeDefined();
      const cells = row!.split(',');
      expect(cells[0]).toBe(String(department.rank));
      expect(cells[3]).toBe(String(department.score));
      expect(cells[4]).toBe(last.has(department.deptId) ? '是 yes' : '');
      expect(cells[5]).toBe(String(department.figures.complaintsReceived));
    }
  });
});
