/**
 * `npm start` loses nothing it acknowledged: stopped with SIGTERM and started again on the same
 * DATA_DIR, it still has its records, and its deadline watches are resumed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startRuntimeProcess } from '../../infra/local/child.ts';
import { clientFor } from '../support/http.ts';
import { eventually, executions } from '../support/eventually.ts';
import { newCreditCode } from '../support/data.ts';

const dataDir = mkdtempSync(path.join(tmpdir(), 'soft-env-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('a restart of the local runtime', () => {
  it('keeps cards, complaints and their watches', { timeout: 120_000 }, async () => {
    const first = await startRuntimeProcess({}, { dataDir });
    const enterpriseId = newCreditCode();
    let trackingCode: string;
    let complaintId: string;
    try {
      const client = await clientFor(first.info);
      const office = await client.tokenFor({ roles: ['soft-env-office'] });
      const park = await client.tokenFor({ roles: ['park-office'] });
      expect((await client.call('PUT', '/departments/water', { token: office, json: { name: 'Water Bureau' } })).status).toBe(201);
      expect((await client.call('POST', '/fee-cards', { token: park, json: { enterpriseId, enterpriseName: 'Kept Co.' } })).status).toBe(
        201,
      );
      const filed = await client.call('POST', '/complaints', {
        json: { againstDept: 'water', category: 'inaction', description: 'No water permit answer.' },
      });
      ({ trackingCode, id: complaintId } = filed.body);
      await eventually(() =>
        expect(
          executions(dataDir).filter((execution) => execution.name.includes(complaintId) && execution.status === 'RUNNING'),
        ).toHaveLength(2),
      );
    } finally {
      await first.stop();
    }

    const second = await startRuntimeProcess({}, { dataDir });
    try {
      const client = await clientFor(second.info);
      const park = await client.tokenFor({ roles: ['park-office'] });
      expect((await client.call('GET', `/fee-cards/${enterpriseId}`, { token: park })).body).toMatchObject({
        enterpriseId,
        enterpriseName: 'Kept Co.',
      });
      expect((await client.call('GET', `/complaints/track/${trackingCode}`)).body).toMatchObject({ status: 'received' });
      // The watches run again: acknowledging stops one through the outbox of the new process.
      const clerk = await client.tokenFor({ roles: ['department'], dept: 'water' });
      expect((await client.call('POST', `/complaints/${complaintId}/acknowledgement`, { token: clerk })).status).toBe(200);
      await eventually(() =>
        expect(
          executions(dataDir)
            .filter((execution) => execution.name.includes(`acknowledgement-${complaintId}`))
            .map((execution) => execution.status),
        ).toEqual(['ABORTED']),
      );
    } finally {
      await second.stop();
    }
  });
});
