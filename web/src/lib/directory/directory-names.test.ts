import { describe, expect, it } from 'vitest';
import type { AuthorityId } from '#policies/roster/types.ts';
import { directoryNames } from './directory-names.ts';
import { ANA, GT, LUCIA, viewOf } from './testing.ts';

const servers = new Map<string, AuthorityId>([
	['mp.gt', GT],
	['fgr.sv', 'sv-fgr' as AuthorityId],
]);

describe('directoryNames', () => {
	it('names each listed account once, by the first directory that lists it', () => {
		const renamed = { ...LUCIA, name: 'Lucía R.' };
		const names = directoryNames([viewOf('refco', [LUCIA, ANA]), viewOf('other', [renamed])], servers);
		expect(names).toEqual(
			new Map([
				['@lucia.ramirez:mp.gt', 'Lucía Ramírez'],
				['@ana.lopez:mp.gt', 'Ana López'],
			]),
		);
	});

	it('puts no name on another authority’s account, on an unknown server’s, or on an entry without an account', () => {
		const claimed = { ...ANA, id: 'x', name: 'Not Them', matrixId: '@someone:fgr.sv' };
		const unknown = { ...ANA, id: 'y', name: 'Nobody', matrixId: '@someone:elsewhere.example' };
		const { matrixId: _none, ...noAccount } = { ...LUCIA, id: 'z', name: 'No Account' };
		expect(directoryNames([viewOf('refco', [claimed, unknown, noAccount])], servers)).toEqual(new Map());
	});
});
