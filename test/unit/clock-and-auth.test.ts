import { describe, expect, it } from 'vitest';
import { addDays, localDate, monthsBetween, scaledClock, startOfLocalDate, toLocalIso } from '#shared/time/clock';
import { callerFromClaims, parseRolesClaim } from '#shared/http/auth';

describe('China Standard Time dates', () => {
  it('puts 16:00 UTC on the next local day', () => {
    expect(localDate(new Date('2026-11-25T15:59:59.999Z'))).toBe('2026-11-25');
    expect(localDate(new Date('2026-11-25T16:00:00.000Z'))).toBe('2026-11-26');
    expect(startOfLocalDate('2026-11-26').toISOString()).toBe('2026-11-25T16:00:00.000Z');
    expect(toLocalIso(new Date('2026-11-25T16:00:00.000Z'))).toBe('2026-11-26T00:00:00.000+08:00');
  });

  it('counts months across a year end and days across February', () => {
    expect(monthsBetween('2026-11-15', '2027-02-01')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
  });

  it('runs a scaled clock from its start at its speed', () => {
    let real = 1_000_000;
    const clock = scaledClock(new Date('2026-11-26T00:00:00Z'), 3600, () => real);
    expect(clock.now().toISOString()).toBe('2026-11-26T00:00:00.000Z');
    real += 1000; // one real second is an hour
    expect(clock.now().toISOString()).toBe('2026-11-26T01:00:00.000Z');
    // A day ahead on this clock is 24 real seconds after its start.
    expect(clock.realInstantOf(new Date('2026-11-27T00:00:00Z')).getTime()).toBe(1_000_000 + 24_000);
  });
});

describe('roles from verified claims', () => {
  it('reads the forms API Gateway and tokens use, keeping only known roles', () => {
    expect(parseRolesClaim('[department supervisor]')).toEqual(['department', 'supervisor']);
    expect(parseRolesClaim('["enterprise"]')).toEqual(['enterprise']);
    expect(parseRolesClaim(['park-office', 'root'])).toEqual(['park-office']);
    expect(parseRolesClaim('[service-centre enterprise]')).toEqual(['service-centre', 'enterprise']);
    expect(parseRolesClaim('soft-env-office,admin')).toEqual(['soft-env-office']);
    expect(parseRolesClaim(undefined)).toEqual([]);
  });

  it('needs a subject', () => {
    expect(callerFromClaims({ roles: '[supervisor]' })).toBeUndefined();
    expect(callerFromClaims({ sub: 'u1', roles: '[department]', dept: 'tax' })).toEqual({ sub: 'u1', roles: ['department'], dept: 'tax' });
    // A county's own issuer may name the claim otherwise (-c rolesClaim=groups); then `roles` is not read.
    expect(callerFromClaims({ sub: 'u2', groups: ['supervisor'], roles: '[soft-env-office]' }, 'groups')).toEqual({
      sub: 'u2',
      roles: ['supervisor'],
    });
  });
});
