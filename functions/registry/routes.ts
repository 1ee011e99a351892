import * as z from 'zod/mini';
import { defineRoutes } from '#shared/http/routes';
import { deptIdSchema, pageQuery, text } from '#shared/http/validation';

/** The registry: departments, and the health check (the clock the handlers use). */
export const registryRoutes = defineRoutes('registry', {
  health: { method: 'GET', path: '/health', roles: 'public', summary: 'Health and the handlers\' clock' },
  putDepartment: {
    method: 'PUT', path: '/departments/{deptId}', roles: ['soft-env-office'], summary: 'Register or rename a department',
    params: z.strictObject({ deptId: deptIdSchema }),
    body: z.strictObject({ name: text(100) }),
  },
  listDepartments: {
    method: 'GET', path: '/departments', roles: 'public', summary: 'The departments',
    query: z.strictObject({ ...pageQuery }),
  },
});
