import { describe, expect, it } from 'vitest';
import { buildPlenaryContent, foldPlenaries, type PlenaryPayload } from '#policies/plenary/index.ts';
import {
	announce,
	ANA,
	arrival,
	attend,
	CARLA,
	CONTEXT,
	endPoll,
	PLENARY,
	pollStart,
	SECRETARIAT,
	vote,
} from '#policies/plenary/testing/fixtures.ts';
import { exportMinutes, sha256Hex } from './minutes-file.ts';

function minutes(eventId: string, at: number, decisions: string[]) {
	const payload = { type: 'minutes', plenary: PLENARY.id, text: { es: 'Acta.', en: 'Minutes.' }, decisions } as unknown as PlenaryPayload;
	const content = buildPlenaryContent(payload);
	if (!content.ok) throw new Error(content.error);
	return arrival(eventId, SECRETARIAT, at, 'm.room.message', content.value);
}

const events = [
	announce('$a', 0),
	attend('$b', ANA, 1),
	attend('$c', CARLA, 2),
	pollStart('$p', 3),
	vote('$v1', ANA, 4, '$p', ['for']),
	vote('$v2', CARLA, 5, '$p', ['for']),
	endPoll('$e', SECRETARIAT, 6, '$p'),
	minutes('$m', 7, ['$p']),
];

describe('sha256Hex', () => {
	it('is the SHA-256 in lower-case hex, as sha256sum prints it', async () => {
		expect(await sha256Hex(new TextEncoder().encode('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
	});
});

describe('exportMinutes', () => {
	it('gives two members who folded the same events, in any order, the same document and hash', async () => {
		const mine = foldPlenaries(events, CONTEXT).plenaries[0];
		const theirs = foldPlenaries([...events].reverse(), CONTEXT).plenaries[0];
		if (mine === undefined || theirs === undefined) throw new Error('no plenary');
		const [a, b] = await Promise.all([exportMinutes(mine, 'en'), exportMinutes(theirs, 'en')]);
		expect(a.ok && b.ok).toBe(true);
		if (!a.ok || !b.ok) return;
		expect(a.value.sha256).toBe(b.value.sha256);
		expect(a.value.sha256).toBe(await sha256Hex(a.value.document.bytes));
		expect(a.value.document.filename).toBe('refco-2026-1-minutes-en.md');
	});

	it('gives a different hash to a member whose browser did not count a vote', async () => {
		const all = foldPlenaries(events, CONTEXT).plenaries[0];
		const missing = foldPlenaries(
			events.filter((e) => e.eventId !== '$v2'),
			CONTEXT,
		).plenaries[0];
		if (all === undefined || missing === undefined) throw new Error('no plenary');
		const [a, b] = await Promise.all([exportMinutes(all, 'en'), exportMinutes(missing, 'en')]);
		expect(a.ok && b.ok && a.value.sha256 !== b.value.sha256).toBe(true);
	});

	it('refuses, as a value, minutes not posted or a language not of the plenary', async () => {
		const none = foldPlenaries(events.slice(0, 3), CONTEXT).plenaries[0];
		const all = foldPlenaries(events, CONTEXT).plenaries[0];
		if (none === undefined || all === undefined) throw new Error('no plenary');
		expect(await exportMinutes(none, 'en')).toEqual({ ok: false, error: { kind: 'no-minutes' } });
		expect(await exportMinutes(all, 'ru')).toMatchObject({ ok: false, error: { kind: 'language-not-of-plenary' } });
	});
});
