import { describe, expect, it } from 'vitest';
import { parseUserIdInput } from './matrix-id.ts';

describe('parseUserIdInput', () => {
	it('splits a user ID on an IP-literal server with a port', () => {
		const parsed = parseUserIdInput('@ana.lopez:127.0.20.1:28448');
		expect(parsed).toEqual({
			ok: true,
			value: {
				userId: '@ana.lopez:127.0.20.1:28448',
				localpart: 'ana.lopez',
				serverName: '127.0.20.1:28448',
				host: '127.0.20.1',
				port: 28448,
				hostKind: 'ipv4',
			},
		});
	});

	it('reads DNS names and bracketed IPv6 literals', () => {
		const dns = parseUserIdInput('@ana:mp.gob.gt');
		expect(dns.ok && [dns.value.host, dns.value.port, dns.value.hostKind]).toEqual(['mp.gob.gt', undefined, 'dns']);
		const v6 = parseUserIdInput('@ana:[::1]:8448');
		expect(v6.ok && [v6.value.host, v6.value.port, v6.value.hostKind]).toEqual(['[::1]', 8448, 'ipv6']);
	});

	it('forgives surrounding spaces and a missing @', () => {
		const parsed = parseUserIdInput('  ana.lopez:mp.gob.gt ');
		expect(parsed.ok && parsed.value.userId).toBe('@ana.lopez:mp.gob.gt');
	});

	it('accepts historical localparts (capitals, punctuation)', () => {
		expect(parseUserIdInput('@Ana_Lopez+x=1/2:mp.gob.gt').ok).toBe(true);
	});

	it.each([
		['', 'empty'],
		['   ', 'empty'],
		['ana.lopez', 'missing-server'],
		['@ana.lopez:', 'missing-server'],
		['@:mp.gob.gt', 'missing-localpart'],
		['@ana lopez:mp.gob.gt', 'invalid-localpart'],
		['@anä:mp.gob.gt', 'invalid-localpart'],
		['@ana:mp gob.gt', 'invalid-server'],
		['@ana:mp.gob.gt:99999', 'invalid-server'],
		['@ana:mp.gob.gt:0', 'invalid-server'],
		['@ana:300.1.1.1', 'invalid-server'],
		['@ana:-bad.example', 'invalid-server'],
		['@ana:https://mp.gob.gt', 'invalid-server'],
		[`@${'a'.repeat(250)}:mp.gob.gt`, 'too-long'],
	])('refuses %j as %s', (typed, kind) => {
		expect(parseUserIdInput(typed)).toEqual({ ok: false, error: { kind } });
	});
});
