import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACL_REVISION, aclAllows, hostOf, nextAcl, partiesOnlyAcl, readAcl, reissuedAcl, sameParties } from './server-acl.ts';

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

describe('changing a room’s parties', () => {
	const acl = (servers: string[]) => {
		const made = partiesOnlyAcl(servers);
		if (!made.ok) throw new Error(made.error);
		return made.value;
	};
	it('tells the same parties apart from other ones, whatever the order and the revision', () => {
		expect(sameParties(acl(['a.example', 'b.example']), reissuedAcl(acl(['b.example', 'a.example'])))).toBe(true);
		expect(sameParties(acl(['a.example', 'b.example']), acl(['a.example']))).toBe(false);
		expect(sameParties(acl(['a.example']), acl(['127.0.0.1']))).toBe(false);
	});
	it('raises the revision past the current one, so the new ACL is a new event', () => {
		const current = reissuedAcl(reissuedAcl(acl(['a.example', 'b.example'])));
		expect(nextAcl(current, acl(['a.example']))).toEqual({ ...acl(['a.example']), [ACL_REVISION]: 3 });
		expect(nextAcl(undefined, acl(['a.example']))[ACL_REVISION]).toBe(1);
	});
	it('reads a room’s ACL as the spec defaults it, and refuses what is not one', () => {
		expect(readAcl({ allow: ['a.example'] })).toEqual({ allow: ['a.example'], deny: [], allow_ip_literals: true });
		expect(readAcl({ allow: 'a.example' })).toBeUndefined();
		expect(readAcl(null)).toBeUndefined();
		expect(readAcl({ ...acl(['a.example']), [ACL_REVISION]: 4 })?.[ACL_REVISION]).toBe(4);
	});
});
