import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACL_REVISION, aclAllows, hostOf, partiesOnlyAcl, reissuedAcl } from './server-acl.ts';

describe('hostOf', () => {
	it('drops the port of names, IPv4 and IPv6 literals', () => {
		expect(hostOf('matrix.mp.gt.example:8448')).toBe('matrix.mp.gt.example');
		expect(hostOf('matrix.mp.gt.example')).toBe('matrix.mp.gt.example');
		expect(hostOf('127.0.20.1:28448')).toBe('127.0.20.1');
		expect(hostOf('[::1]:8448')).toBe('[::1]');
	});
});

describe('partiesOnlyAcl', () => {
	it('names exactly the parties’ hosts, once each (and a ported server name verbatim), allowing IP literals only when a party uses one', () => {
		const names = partiesOnlyAcl(['b.example:8448', 'a.example', 'b.example']);
		expect(names).toEqual({ ok: true, value: { allow: ['a.example', 'b.example', 'b.example:8448'], deny: [], allow_ip_literals: false } });
		const local = partiesOnlyAcl(['127.0.20.1:28448', '127.0.20.2:28448']);
		expect(local.ok && local.value.allow_ip_literals).toBe(true);
	});

	it('refuses an empty party list (it would lock everyone out) and wildcards', () => {
		expect(partiesOnlyAcl([]).ok).toBe(false);
		expect(partiesOnlyAcl(['*.example']).ok).toBe(false);
	});

	it('admits the parties on any port and nobody else', () => {
		fc.assert(
			fc.property(
				fc.uniqueArray(fc.domain(), { minLength: 1, maxLength: 4 }),
				fc.domain(),
				fc.integer({ min: 1, max: 65535 }),
				(parties, other, port) => {
					const acl = partiesOnlyAcl(parties);
					if (!acl.ok) return false;
					for (const p of parties) expect(aclAllows(acl.value, `${p}:${port}`)).toBe(true);
					expect(aclAllows(acl.value, other)).toBe(parties.some((p) => p.toLowerCase() === other.toLowerCase()));
					return true;
				},
			),
		);
	});

	it('keeps out a non-party on the same machine: another loopback address', () => {
		const acl = partiesOnlyAcl(['127.0.20.1:28448', '127.0.20.2:28448']);
		expect(acl.ok && aclAllows(acl.value, '127.0.20.3:28448')).toBe(false);
		expect(acl.ok && aclAllows(acl.value, '127.0.20.3')).toBe(false);
		expect(acl.ok && aclAllows(acl.value, '127.0.20.2:9999')).toBe(true);
	});
});

describe('reissuedAcl', () => {
	it('keeps who is allowed and raises the revision, so the content always differs', () => {
		const first = partiesOnlyAcl(['a.example', 'b.example']);
		if (!first.ok) throw new Error(first.error);
		const second = reissuedAcl(first.value);
		const third = reissuedAcl(second);
		expect(second).toEqual({ ...first.value, [ACL_REVISION]: 1 });
		expect(third[ACL_REVISION]).toBe(2);
		for (const name of ['a.example', 'b.example', 'c.example']) expect(aclAllows(third, name)).toBe(aclAllows(first.value, name));
	});
});
