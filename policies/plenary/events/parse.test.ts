// The plenary parser: what it takes, and what it refuses with which reason.
import { describe, expect, it } from 'vitest';
import { PLENARY, FILE } from '../testing/fixtures.ts';
import type { PlenaryPayload } from '../types.ts';
import { buildPlenaryContent } from './build.ts';
import { PLENARY_KEY, PLENARY_LIMITS } from './namespace.ts';
import { parsePlenaryContent } from './parse.ts';

const content = (payload: unknown, extra: Record<string, unknown> = {}) => ({
	msgtype: 'm.text',
	body: 'Plenary',
	[PLENARY_KEY]: { version: 1, ...(payload as object) },
	...extra,
});
const refusal = (payload: unknown, extra?: Record<string, unknown>): string => {
	const parsed = parsePlenaryContent(content(payload, extra));
	expect(parsed.ok).toBe(false);
	return parsed.ok ? '' : parsed.error;
};
const withPlenary = (changes: Record<string, unknown>) => ({ type: 'plenary', plenary: { ...PLENARY, ...changes } });

describe('parsePlenaryContent', () => {
	it.each<PlenaryPayload>([
		{ type: 'plenary', plenary: PLENARY },
		{ type: 'attendance', plenary: PLENARY.id, attending: true, note: 'Llego el segundo día.' },
		{ type: 'attendance', plenary: PLENARY.id, attending: false },
		{
			type: 'minutes',
			plenary: PLENARY.id,
			text: { es: 'Se abrió la sesión.', en: 'The session opened.' },
			decisions: ['$poll1' as never],
		},
	])('reads back what buildPlenaryContent wrote (%#)', (payload) => {
		const built = buildPlenaryContent(payload);
		expect(built.ok).toBe(true);
		expect(built.ok && parsePlenaryContent(built.value)).toEqual({ ok: true, value: payload });
	});

	it('refuses content that is not a plenary event, or not as we send it', () => {
		expect(parsePlenaryContent({ msgtype: 'm.text', body: 'hola' })).toEqual({
			ok: false,
			error: `the content has no "${PLENARY_KEY}" key: not a plenary event`,
		});
		expect(refusal(withPlenary({}), { 'm.relates_to': { rel_type: 'm.thread', event_id: '$root' } })).toMatch(
			/must not carry "m\.relates_to"/,
		);
		expect(refusal(withPlenary({}), { msgtype: 'm.notice' })).toMatch(/^msgtype: must be "m\.text"/);
		expect(parsePlenaryContent({ ...content(withPlenary({})), [PLENARY_KEY]: { ...withPlenary({}), version: 2 } })).toEqual({
			ok: false,
			error: `${PLENARY_KEY}.version: version 2 is not supported (this client reads 1); update Rogatory`,
		});
		expect(refusal({ type: 'vote' })).toMatch(/\.type: "vote" is not one of plenary, attendance, minutes/);
	});

	it('refuses an over-long title, naming the key and the cap', () => {
		const long = 'x'.repeat(PLENARY_LIMITS.title + 1);
		expect(refusal(withPlenary({ title: { es: long, en: 'Plenary' } }))).toBe(
			`${PLENARY_KEY}.plenary.title.es: must be at most ${PLENARY_LIMITS.title} characters (got ${PLENARY_LIMITS.title + 1})`,
		);
		const agenda = [{ id: 'a', title: { es: long, en: 'A' } }];
		expect(refusal(withPlenary({ agenda }))).toMatch(/plenary\.agenda\[0\]\.title\.es: must be at most 300 characters/);
	});

	it('wants titles in exactly the plenary languages, on one line', () => {
		expect(refusal(withPlenary({ title: { es: 'Plenaria' } }))).toMatch(/plenary\.title: must be given in en too$/);
		expect(refusal(withPlenary({ title: { es: 'Plenaria', en: 'Plenary', fr: 'Plénière' } }))).toMatch(
			/plenary\.title: must hold at most 2 languages/,
		);
		expect(refusal(withPlenary({ title: { es: 'Plenaria', ru: 'Пленарное' } }))).toMatch(/plenary\.title key: "ru" is not one of es, en/);
		expect(refusal(withPlenary({ title: { es: 'Plenaria\n# Forged heading', en: 'Plenary' } }))).toMatch(/title\.es: must be one line/);
	});

	it('checks dates, level, languages and agenda ids', () => {
		expect(refusal(withPlenary({ start: '2026-02-30' }))).toMatch(/plenary\.start: must be a real date/);
		expect(refusal(withPlenary({ end: '2026-11-02' }))).toMatch(/plenary\.end: must be on or after the start/);
		expect(refusal(withPlenary({ level: 'summit' }))).toMatch(/plenary\.level: "summit" is not one of ministerial, expert/);
		expect(refusal(withPlenary({ languages: ['es', 'de'] }))).toMatch(/plenary\.languages\[1\]: "de" is not one of en, es, fr, pt, ru/);
		expect(refusal(withPlenary({ languages: ['es', 'es'] }))).toMatch(/plenary\.languages: names the same value twice/);
		expect(refusal(withPlenary({ host: 'sv' }))).toMatch(/plenary\.host: must be an ISO 3166-1 alpha-2 country code/);
		const twice = [PLENARY.agenda[0], PLENARY.agenda[0]];
		expect(refusal(withPlenary({ agenda: twice }))).toMatch(/plenary\.agenda: names the same item id twice/);
		const many = Array.from({ length: PLENARY_LIMITS.agendaItems + 1 }, (_, i) => ({ id: `i${i}`, title: { es: 'P', en: 'I' } }));
		expect(refusal(withPlenary({ agenda: many }))).toMatch(/plenary\.agenda: must have at most 50 entries \(got 51\)/);
		expect(refusal(withPlenary({ id: 'REFCO 2026' }))).toMatch(/plenary\.id: must be an id/);
		expect(refusal(withPlenary({ cancelled: 'no' }))).toMatch(/plenary\.cancelled: must be true or false/);
	});

	it('takes only encrypted attachments it can fetch and decrypt', () => {
		const doc = (file: unknown) => withPlenary({ documents: [{ title: 'Guía', file }] });
		expect(refusal(doc({ ...FILE, url: 'https://example.org/guide.pdf' }))).toMatch(/documents\[0\]\.file\.url: must be an mxc:\/\/ URI/);
		expect(refusal(doc({ ...FILE, key: { ...FILE.key, alg: 'A128CTR' } }))).toMatch(/file\.key\.alg: must be "A256CTR"/);
		expect(refusal(doc({ ...FILE, hashes: {} }))).toMatch(/file\.hashes\.sha256: must be a SHA-256/);
		expect(refusal(doc({ ...FILE, v: 'v1' }))).toMatch(/file\.v: must be "v2"/);
		const sized = withPlenary({ documents: [{ title: 'Guía', file: FILE, info: { size: -1 } }] });
		expect(refusal(sized)).toMatch(/documents\[0\]\.info\.size: must be a whole number of bytes/);
		const parsed = parsePlenaryContent(content(withPlenary({ documents: [{ title: 'Guía', file: { ...FILE, extra: 'dropped' } }] })));
		expect(parsed.ok && parsed.value.type === 'plenary' && parsed.value.plenary.documents).toEqual([
			{ title: 'Guía', file: FILE, info: {} },
		]);
	});

	it('caps attendance notes and minutes', () => {
		const note = 'n'.repeat(PLENARY_LIMITS.note + 1);
		expect(refusal({ type: 'attendance', plenary: PLENARY.id, attending: true, note })).toMatch(/\.note: must be at most 1000 characters/);
		expect(refusal({ type: 'attendance', plenary: PLENARY.id, attending: 'yes' })).toMatch(/\.attending: must be true or false/);
		const text = { es: 'm'.repeat(PLENARY_LIMITS.minutesText + 1) };
		expect(refusal({ type: 'minutes', plenary: PLENARY.id, text, decisions: [] })).toMatch(/\.text\.es: must be at most 12000 characters/);
		expect(refusal({ type: 'minutes', plenary: PLENARY.id, text: { es: 'Acta' }, decisions: ['poll1'] })).toMatch(
			/\.decisions\[0\]: .* is not a Matrix event ID/,
		);
		expect(refusal({ type: 'minutes', plenary: PLENARY.id, text: { es: 'Acta' }, decisions: ['$p', '$p'] })).toMatch(
			/\.decisions: names the same value twice/,
		);
	});

	it('never takes a sender from the content: a forged one is dropped with every unknown key', () => {
		const forged = {
			type: 'attendance',
			plenary: PLENARY.id,
			attending: true,
			sender: '@secretaria:refco.rogatory.example',
			by: '@x:y.example',
		};
		expect(parsePlenaryContent(content(forged))).toEqual({ ok: true, value: { type: 'attendance', plenary: PLENARY.id, attending: true } });
	});

	it('writes texts in one key order whatever order they came in', () => {
		const parsed = parsePlenaryContent(content(withPlenary({ title: { en: 'Plenary', es: 'Plenaria' } })));
		expect(parsed.ok && parsed.value.type === 'plenary' && Object.keys(parsed.value.plenary.title)).toEqual(['es', 'en']);
	});

	it('refuses an object whose getters throw, without throwing', () => {
		const hostile = new Proxy(
			{},
			{
				ownKeys: () => {
					throw new Error('boom');
				},
				getOwnPropertyDescriptor: () => {
					throw new Error('boom');
				},
			},
		);
		expect(parsePlenaryContent(hostile)).toEqual({ ok: false, error: 'the content could not be read' });
	});
});
