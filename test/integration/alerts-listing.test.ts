/** GET /alerts: newest first, narrowed by severity, concern and department, for supervisors and the office only. */
import { describe, expect, it } from 'vitest';
import { writeAll } from '#shared/data/db';
import { alertRecord, newAlert } from '#shared/alerts/alerts';
import { handler } from '../../functions/registry/handler.ts';
import { registryRoutes } from '../../functions/registry/routes.ts';
import { invoke } from '../support/invoke.ts';
import { newDeptId } from '../support/data.ts';

const supervisor = { roles: ['supervisor'], sub: 'supervisor-1' };

describe('listing alerts', () => {
  it('filters by severity, concern and department together, newest first', async () => {
    const dept = newDeptId('alerted');
    const other = newDeptId('other');
    const raise = (department: string, severity: 'warning' | 'breach', concern: 'complaints' | 'pledges', minutes: number) => {
      const at = new Date(Date.now() - 60_000 * (100 - minutes));
      const alert = newAlert(
        {
          severity,
          concern,
          department,
          kind: 'test',
          title: `${severity} ${concern} ${minutes}`,
          detail: 'd',
          subject: { type: 'test', id: String(minutes) },
        },
        at,
        crypto.randomUUID(),
      );
      return writeAll([alertRecord(alert, at)]);
    };
    await raise(dept, 'breach', 'complaints', 1);
    await raise(dept, 'breach', 'complaints', 2);
    await raise(dept, 'warning', 'complaints', 3);
    await raise(dept, 'breach', 'pledges', 4);
    await raise(other, 'breach', 'complaints', 5);

    const page = await invoke(handler, registryRoutes.routes.listAlerts, {
      query: { severity: 'breach', concern: 'complaints', dept, limit: '200' },
      caller: supervisor,
    });
    expect(page.status).toBe(200);
    expect(page.body.items.map((alert: any) => alert.title)).toEqual(['breach complaints 2', 'breach complaints 1']);
    const all = await invoke(handler, registryRoutes.routes.listAlerts, {
      query: { dept, limit: '200' },
      caller: { roles: ['soft-env-office'] },
    });
    expect(all.body.items).toHaveLength(4);
    const badSeverity = await invoke(handler, registryRoutes.routes.listAlerts, { query: { severity: 'loud' }, caller: supervisor });
    expect(badSeverity).toMatchObject({ status: 400, body: { errors: [{ path: 'query.severity' }] } });
  });
});
