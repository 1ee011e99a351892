import { describe, expect, it } from 'vitest';
import { clientOf } from '#shared/http/client-limit';

describe('the client a per-client limit counts', () => {
  it('is an IPv4 address, also when it comes IPv6-mapped', () => {
    expect(clientOf('203.0.113.7')).toBe('203.0.113.7');
    expect(clientOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });

  it('is the /64 of an IPv6 address, however it is written', () => {
    expect(clientOf('2001:db8:aa:1::5')).toBe('2001:db8:aa:1::/64');
    expect(clientOf('2001:0db8:00aa:0001:ffff:1:2:3')).toBe('2001:db8:aa:1::/64');
    expect(clientOf('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientOf('::1')).toBe('0:0:0:0::/64');
  });
});
