/** The HTTP middleware's wiring: what a concern must hand it for the routes it declares. */
import { describe, expect, it } from 'vitest';
import { createHttpHandler } from '#shared/http/handler';
import { idempotency } from '#shared/http/idempotency';
import { defineRoutes } from '#shared/http/routes';

const reply = async () => ({ status: 201, body: {} });

describe('createHttpHandler', () => {
  it('refuses a concern with routes that create but no Idempotency-Key handling, so no create loses it', () => {
    const routes = defineRoutes('widgets', {
      makeWidget: { method: 'POST', path: '/widgets', roles: 'public', summary: 'Make one', creates: true },
    });
    expect(() => createHttpHandler({ concern: routes, operations: { makeWidget: reply } })).toThrow(
      'widgets has routes that create but no idempotency',
    );
    expect(createHttpHandler({ concern: routes, operations: { makeWidget: reply }, idempotency })).toBeTypeOf('function');
  });

  it('builds a concern without creating routes with no idempotency (its bundle leaves it out)', () => {
    const routes = defineRoutes('widgets', { listWidgets: { method: 'GET', path: '/widgets', roles: 'public', summary: 'List them' } });
    expect(createHttpHandler({ concern: routes, operations: { listWidgets: reply } })).toBeTypeOf('function');
  });
});
