import { describe, expect, it } from 'vitest';
import { changeLines, hex, readRosterCheck, type ChangeWords } from './roster-publish.ts';

const words: ChangeWords = {
	added: (n, a) => `${n} +${a}`,
	removed: (n, a) => `${n} -${a}`,
	homeservers: (a) => `servers ${a}`,
	linksAdded: (l) => `links +${l}`,
	linksRemoved: (l) => `links -${l}`,
	nothing: () => 'nothing',
	list: (names) => names.join(', '),
	name: (id) => id.toUpperCase(),
	link: (a, b) => `${a}&${b}`,
};

describe('changeLines', () => {
	it('says each network’s additions and removals, the servers and the links, with names', () => {
		const lines = changeLines(
			{
				from: 3,
				to: 4,
				networks: [{ network: 'REFCO', added: ['hn-mp', 'ni-mp'], removed: ['cr-mp'] }],
				homeservers: ['hn-mp'],
				links: { added: [['gt-mp', 'ng-ca']], removed: [] },
			},
			words,
		);
		expect(lines).toEqual(['REFCO +HN-MP, NI-MP', 'REFCO -CR-MP', 'servers HN-MP', 'links +GT-MP&NG-CA']);
	});

	it('says when nothing the networks depend on changes', () => {
		expect(changeLines({ from: 3, to: 4, networks: [], homeservers: [], links: { added: [], removed: [] } }, words)).toEqual(['nothing']);
	});
});

describe('readRosterCheck', () => {
	const change = {
		from: 3,
		to: 4,
		networks: [{ network: 'REFCO', added: ['a'], removed: [] }],
		homeservers: [],
		links: { added: [], removed: [] },
	};

	it('reads each answer the server gives', () => {
		expect(readRosterCheck({ kind: 'next', version: 4, change })).toEqual({ kind: 'next', version: 4, change });
		expect(readRosterCheck({ kind: 'not-next', running: 3, uploaded: 5 })).toEqual({ kind: 'not-next', running: 3, uploaded: 5 });
		expect(readRosterCheck({ kind: 'unreadable', problems: 2, line: 7 })).toEqual({ kind: 'unreadable', problems: 2, line: 7 });
		expect(readRosterCheck({ kind: 'unreadable', problems: 1 })).toEqual({ kind: 'unreadable', problems: 1, line: undefined });
		expect(readRosterCheck({ kind: 'too-large', max: 10 })).toEqual({ kind: 'too-large', max: 10 });
		expect(readRosterCheck({ kind: 'network-dropped' })).toEqual({ kind: 'network-dropped' });
	});

	it('refuses anything else', () => {
		for (const body of [
			null,
			'x',
			{ kind: 'next', version: 4 },
			{ kind: 'next', version: 4, change: { ...change, networks: [{}] } },
			{ kind: '??' },
		])
			expect(readRosterCheck(body)).toBeUndefined();
	});
});

describe('hex', () => {
	it('writes bytes as lower-case hex', () => {
		expect(hex(new Uint8Array([0, 15, 255]))).toBe('000fff');
	});
});
