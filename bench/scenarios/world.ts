/**
 * The bench's world: one department with its fee item, 50 cards, an inspection for today, a
 * complaint, 50 pledges and an application, seeded through the API; and what a scenario is.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { completeCreditCode } from '../../shared/domain/credit-code.ts';
import { addDays, localDate } from '../../shared/time/clock.ts';

export interface Request {
  method: string;
  path: string;
  body?: unknown;
  token?: string;
}

/** A representative request of a concern, and the DynamoDB calls it makes, issued directly. */
export interface Scenario {
  concern: string;
  name: string;
  kind: 'read' | 'write';
  request: () => Request;
  raw: () => Promise<unknown>;
}

export type Call = (method: string, path: string, bearer: string | undefined, body?: unknown) => Promise<any>;
export type Token = (claims: { roles: string[]; dept?: string; ent?: string }) => Promise<string>;

export interface BenchWorld {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** A counter, so each write is a new one. */
  next: () => number;
  dept: string;
  office: string;
  park: string;
  supervisor: string;
  clerk: string;
  owner: string;
  cards: string[];
  visited: string;
  inspection: { id: string };
  complaint: { id: string; trackingCode: string };
  pledges: string[];
  quarter: string;
  application: { id: string };
}

const creditCode = (n: number) => completeCreditCode(`91350100${String(n).padStart(9, '0')}`);

export async function seedWorld(call: Call, token: Token, db: DynamoDBDocumentClient, tableName: string, log: (line: string) => void) {
  const office = await token({ roles: ['soft-env-office'] });
  const park = await token({ roles: ['park-office'] });
  const supervisor = await token({ roles: ['supervisor'] });
  const dept = 'bench-unit';
  const clerk = await token({ roles: ['department'], dept });
  // Seed: the department, its fee item, 50 cards, an inspection for today, a complaint, 50 pledges.
  log('seeding the local runtime');
  await call('PUT', `/departments/${dept}`, office, { name: 'Benchmark Bureau' });
  await call('PUT', `/departments/${dept}/handlers`, clerk, { handlers: [{ id: 'a', name: 'A', available: true }] });
  await call('PUT', '/fee-items/BENCH-1', office, {
    unit: dept,
    name: 'Benchmark fee',
    legalBasis: 'Bench law',
    standard: { kind: 'range', min: 1, max: 100000 },
  });
  const cards = Array.from({ length: 50 }, (_, i) => creditCode(i + 1));
  for (const enterpriseId of cards) await call('POST', '/fee-cards', park, { enterpriseId, enterpriseName: 'Bench Co.' });
  const visited = cards[0]!;
  const today = localDate(new Date());
  const inspection = await call('POST', '/inspections', clerk, {
    enterpriseId: visited,
    plannedDate: today,
    category: 'safety',
    reason: 'r',
    legalBasis: 'l',
    inspectors: ['x'],
  });
  if (inspection.status === 'pending-approval')
    await call('POST', `/inspections/${inspection.id}/decision`, office, { decision: 'approve', comment: 'ok' });
  const owner = await token({ roles: ['enterprise'], ent: visited });
  const complaint = await call('POST', '/complaints', undefined, { againstDept: dept, category: 'other', description: 'bench' });
  const pledges: string[] = [];
  for (let i = 0; i < 50; i += 1)
    pledges.push((await call('POST', '/pledges', clerk, { title: `Pledge ${i}`, description: 'd', dueDate: addDays(today, 300) })).id);
  const quarter = `${today.slice(0, 4)}-Q${Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1}`;
  await call('PUT', '/approval-items/BENCH-SC', office, {
    dept,
    name: 'Benchmark licence',
    legalBasis: 'Bench law',
    statutoryDays: 15,
    pledgedDays: 10,
    materials: ['form'],
  });
  const application = await call('POST', '/applications', owner, { itemCode: 'BENCH-SC', materials: ['form'] });

  let counter = 0;
  const next = () => (counter += 1);
  const world: BenchWorld = {
    db,
    tableName,
    next,
    dept,
    office,
    park,
    supervisor,
    clerk,
    owner,
    cards,
    visited,
    inspection,
    complaint,
    pledges,
    quarter,
    application,
  };
  return world;
}
