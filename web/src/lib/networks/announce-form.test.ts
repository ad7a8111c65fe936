import { describe, expect, it } from 'vitest';
import { parsePlenaryContent, parsePollStart, parseVoteLink, PLENARY_KEY } from '#policies/plenary/index.ts';
import { PLENARY } from '#policies/plenary/testing/fixtures.ts';
import type { NetworkId } from '#policies/roster/types.ts';
import { decisionContent, emptyAnnounce, minutesPayload, plenaryIdOf, readAnnounce, type AnnounceDraft } from './announce-form.ts';

const REFCO = 'REFCO' as NetworkId;

const filled = (): AnnounceDraft => ({
	host: ' sv ',
	start: '2026-11-03',
	end: '2026-11-05',
	level: 'expert',
	languages: ['es', 'en'],
	titles: { es: 'XII Plenaria', en: '12th  Plenary ' },
	agenda: [
		{ titles: { es: 'Apertura', en: 'Opening' } },
		{ titles: { es: 'Guía', en: 'Guide' } },
		{ titles: { es: 'Próxima sede', en: 'Next host' } },
	],
});

describe('readAnnounce', () => {
	it('makes a plenary the readers’ parser takes, ids from the network, the first day and the item order', () => {
		const read = readAnnounce(REFCO, filled());
		expect(read.ok).toBe(true);
		if (!read.ok) return;
		expect(read.value).toMatchObject({
			id: 'refco-2026-11-03',
			host: 'SV',
			title: { es: 'XII Plenaria', en: '12th Plenary' },
			agenda: [{ id: 'item-1' }, { id: 'item-2' }, { id: 'item-3', title: { es: 'Próxima sede', en: 'Next host' } }],
			documents: [],
			cancelled: false,
		});
		const parsed = parsePlenaryContent({
			msgtype: 'm.text',
			body: '-',
			[PLENARY_KEY]: { version: 1, type: 'plenary', plenary: read.value },
		});
		expect(parsed.ok).toBe(true);
	});

	it('names every field at fault, in the form’s order', () => {
		const draft: AnnounceDraft = { ...emptyAnnounce(['es', 'en']), host: 'Salvador', start: '2026-02-30', end: '' };
		const read = readAnnounce(REFCO, draft);
		expect(read).toEqual({
			ok: false,
			error: [
				{ field: 'host', code: 'country' },
				{ field: 'start', code: 'date' },
				{ field: 'end', code: 'required' },
				{ field: 'title.es', code: 'required' },
				{ field: 'title.en', code: 'required' },
				{ field: 'agenda.0.es', code: 'required' },
				{ field: 'agenda.0.en', code: 'required' },
			],
		});
	});

	it('refuses an end before the start, no language, no agenda and a title too long', () => {
		const draft = { ...filled(), end: '2026-11-02', languages: [], agenda: [] } satisfies AnnounceDraft;
		expect(readAnnounce(REFCO, draft)).toEqual({
			ok: false,
			error: [
				{ field: 'end', code: 'end-before-start' },
				{ field: 'languages', code: 'languages' },
				{ field: 'agenda', code: 'agenda' },
			],
		});
		const long = { ...filled(), titles: { es: 'x'.repeat(301), en: 'ok' } };
		expect(readAnnounce(REFCO, long)).toEqual({ ok: false, error: [{ field: 'title.es', code: 'too-long' }] });
	});

	it('asks titles only in the languages chosen', () => {
		const read = readAnnounce(REFCO, { ...filled(), languages: ['en'], titles: { en: 'Only English' } });
		expect(read.ok && read.value.title).toEqual({ en: 'Only English' });
	});

	it('writes the id in lower case', () => {
		expect(plenaryIdOf('CASC' as NetworkId, '2027-05-01')).toBe('casc-2027-05-01');
	});
});

describe('decisionContent', () => {
	it('builds a disclosed poll on the item, its answers in the plenary’s first language, with the quorum', () => {
		const built = decisionContent(PLENARY, 'guide', ' ¿Se aprueba la guía? ', 2);
		expect(built.ok).toBe(true);
		if (!built.ok) return;
		const poll = parsePollStart(built.value);
		expect(poll.ok && poll.value.answers.map((a) => a.text)).toEqual(['A favor', 'En contra', 'Abstención']);
		expect(poll.ok && parseVoteLink(built.value, poll.value)).toMatchObject({ ok: true, value: { item: 'guide', quorum: 2 } });
	});

	it('refuses an empty question and a quorum that is not a whole number from 1', () => {
		expect(decisionContent(PLENARY, 'guide', '  ', 2)).toEqual({ ok: false, error: 'question' });
		expect(decisionContent(PLENARY, 'guide', 'Q?', 0)).toEqual({ ok: false, error: 'quorum' });
		expect(decisionContent(PLENARY, 'guide', 'Q?', 1.5)).toEqual({ ok: false, error: 'quorum' });
	});
});

describe('minutesPayload', () => {
	it('needs the text in every language of the plenary', () => {
		expect(minutesPayload(PLENARY, { es: 'Acta' }, [])).toEqual({ ok: false, error: [{ field: 'minutes.en', code: 'required' }] });
	});

	it('carries the texts trimmed and the decisions recorded', () => {
		const payload = minutesPayload(PLENARY, { es: ' Acta ', en: 'Minutes', fr: 'ignored' }, ['$poll']);
		expect(payload).toEqual({
			ok: true,
			value: { type: 'minutes', plenary: PLENARY.id, text: { es: 'Acta', en: 'Minutes' }, decisions: ['$poll'] },
		});
	});
});
