import { describe, expect, it } from 'vitest';
import { memberHomeserverFor } from './member-homeserver.ts';
import { parseUserIdInput } from './matrix-id.ts';

const members = [
	{ serverName: '127.0.20.1:28448', clientUrl: 'http://127.0.20.1:28008' },
	{ serverName: 'mp.gob.gt', clientUrl: 'https://matrix.mp.gob.gt' },
];

describe('memberHomeserverFor', () => {
	it('gives the deployment’s own address for a member server name', () => {
		expect(memberHomeserverFor('mp.gob.gt', members)).toEqual({ ok: true, value: members[1] });
		expect(memberHomeserverFor('127.0.20.1:28448', members)).toEqual({ ok: true, value: members[0] });
	});

	it.each([
		['the outsider', '127.0.20.250:28448'],
		['another port', '127.0.20.1:28449'],
		['no port', '127.0.20.1'],
		['another case', 'MP.gob.gt'],
		['an added port', 'mp.gob.gt:8448'],
		['a longer name', 'mp.gob.gt.evil.example'],
		['a suffix', 'evil-mp.gob.gt'],
	])('refuses %s, naming the servers that work', (_what, serverName) => {
		expect(memberHomeserverFor(serverName, members)).toEqual({
			ok: false,
			error: { kind: 'not-a-member', serverName, members: ['127.0.20.1:28448', 'mp.gob.gt'] },
		});
	});

	it('refuses everyone when the deployment lists no member homeserver', () => {
		expect(memberHomeserverFor('mp.gob.gt', [])).toEqual({ ok: false, error: { kind: 'no-members' } });
	});

	it('never reaches a look-alike the ID parser lets through: a trailing dot or a non-ASCII letter is no server name at all', () => {
		for (const typed of ['@ana:mp.gob.gt.', '@ana:mр.gob.gt', '@ana:mp.gob.gt:0', '@ana:[::1]:28448x'])
			expect(parseUserIdInput(typed).ok, typed).toBe(false);
	});
});
