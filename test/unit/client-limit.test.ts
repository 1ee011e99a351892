import { describe, expect, it } from 'vitest';
import { clientOf } from '#shared/http/client-limit';
import { clientAddress, EDGE_SECRET_HEADER, EDGE_VIEWER_HEADER } from '#shared/http/client-address';

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

describe('the address a per-client limit counts', () => {
  const secret = 'edge-secret-0123456789abcdef';
  it("is the viewer's as CloudFront saw it when the request carries the edge secret", () => {
    expect(clientAddress({ [EDGE_VIEWER_HEADER]: '198.51.100.4', [EDGE_SECRET_HEADER]: secret }, '130.176.1.1', secret)).toBe(
      '198.51.100.4',
    );
  });

  it("is API Gateway's source address when the viewer header comes without the secret, with a wrong one, or with no secret configured", () => {
    expect(clientAddress({ [EDGE_VIEWER_HEADER]: '198.51.100.4' }, '203.0.113.9', secret)).toBe('203.0.113.9');
    expect(clientAddress({ [EDGE_VIEWER_HEADER]: '198.51.100.4', [EDGE_SECRET_HEADER]: 'guessed' }, '203.0.113.9', secret)).toBe(
      '203.0.113.9',
    );
    expect(
      clientAddress({ [EDGE_VIEWER_HEADER]: '198.51.100.4', [EDGE_SECRET_HEADER]: `${secret.slice(0, -1)}x` }, '203.0.113.9', secret),
    ).toBe('203.0.113.9');
    expect(clientAddress({ [EDGE_VIEWER_HEADER]: '198.51.100.4', [EDGE_SECRET_HEADER]: secret }, '203.0.113.9', undefined)).toBe(
      '203.0.113.9',
    );
    expect(clientAddress(undefined, '203.0.113.9', secret)).toBe('203.0.113.9');
  });
});
