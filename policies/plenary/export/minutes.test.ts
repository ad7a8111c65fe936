// The minutes export: the same record gives the same bytes; the document in
// two languages; and the refusals.
import { describe, expect, it } from 'vitest';
import { foldPlenaries } from '../fold/fold.ts';
import {
	ANA,
	announce,
	attend,
	BETO,
	CARLA,
	CONTEXT,
	DIEGO,
	endPoll,
	message,
	PLENARY,
	pollStart,
	SECRETARIAT,
	vote,
} from '../testing/fixtures.ts';
import type { PlenaryRecord } from '../types.ts';
import { renderMinutes } from './minutes.ts';

const MINUTES = { es: 'Se abrió la sesión.\r\nSe aprobó la guía.\r\n', en: 'The session opened.\nThe guide was adopted.' };
const EVENTS = [
	announce('$a', 0),
	attend('$t1', CARLA, 1),
	attend('$t2', ANA, 2),
	attend('$t3', BETO, 3),
	attend('$t4', DIEGO, 4, false),
	pollStart('$p', 10),
	vote('$v1', CARLA, 11, '$p', ['for']),
	vote('$v2', ANA, 12, '$p', ['against']),
	vote('$v3', BETO, 13, '$p', ['for']),
	vote('$v4', DIEGO, 14, '$p', ['maybe']),
	endPoll('$e', SECRETARIAT, 20, '$p'),
	message('$m', SECRETARIAT, 30, { type: 'minutes', plenary: PLENARY.id, text: MINUTES, decisions: ['$p' as never] }),
];

const recordOf = (events = EVENTS): PlenaryRecord => {
	const [record] = foldPlenaries(events, CONTEXT).plenaries;
	if (record === undefined) throw new Error('no plenary folded');
	return record;
};

describe('renderMinutes', () => {
	it('writes the minutes in Spanish: particulars, agenda, participants, the attributable tally, quorum and text', () => {
		const doc = renderMinutes(recordOf(), 'es');
		expect(doc.ok && doc.value.text).toBe(
			[
				'# Acta: XII Reunión Plenaria de REFCO',
				'',
				'- Plenaria: refco-2026-1',
				'- País anfitrión: SV',
				'- Fechas: 2026-11-03 – 2026-11-05',
				'- Nivel: De expertos',
				'- Idiomas: es, en',
				'',
				'## Orden del día',
				'',
				'1. Apertura',
				'2. Guía de evidencia electrónica',
				'3. Sede de la próxima plenaria',
				'',
				'## Participantes',
				'',
				`- gt-mp: ${ANA}, ${BETO}`,
				`- sv-fgr: ${CARLA}`,
				'',
				'## Decisiones',
				'',
				'Las votaciones no son secretas: todos los miembros de la sala plenaria ven quién votó y qué eligió, y los servidores de la sala ven quién respondió a cada votación.',
				'',
				'### 1. Guía de evidencia electrónica',
				'',
				'¿Se aprueba la guía de evidencia electrónica?',
				'',
				'- Resultado: Aprobada',
				'- Autoridades que respondieron / quórum: 2 / 2',
				`- A favor: 2 — ${BETO} (gt-mp), ${CARLA} (sv-fgr)`,
				`- En contra: 1 — ${ANA} (gt-mp)`,
				'- Abstención: 0',
				`- Sin respuesta válida: 1 — ${DIEGO} (hn-mp)`,
				'',
				'## Desarrollo de la sesión',
				'',
				'Se abrió la sesión.',
				'Se aprobó la guía.',
				'',
				'## Documentos',
				'',
				'- Declaración de San Salvador',
				'',
			].join('\n'),
		);
	});

	it('writes the same document in English with English headings and the same order of things', () => {
		const doc = renderMinutes(recordOf(), 'en');
		const text = doc.ok ? doc.value.text : '';
		const headings = text.split('\n').filter((line) => line.startsWith('#'));
		expect(headings).toEqual([
			'# Minutes: REFCO 12th Plenary Meeting',
			'## Agenda',
			'## Participants',
			'## Decisions',
			'### 1. Electronic evidence guide',
			'## Proceedings',
			'## Documents',
		]);
		expect(text).toContain(`- For: 2 — ${BETO} (gt-mp), ${CARLA} (sv-fgr)\n- Against: 1 — ${ANA} (gt-mp)\n- Abstain: 0\n`);
		expect(text).toContain('- Result: Adopted\n- Authorities answering / quorum: 2 / 2\n');
		expect(text).toContain('Votes are not secret');
		expect(doc.ok && doc.value.filename).toBe('refco-2026-1-minutes-en.md');
	});

	it('gives the same bytes for the same events in any order: UTF-8, LF only, one final newline', () => {
		const one = renderMinutes(recordOf(), 'es');
		const other = renderMinutes(recordOf([...EVENTS].reverse()), 'es');
		expect(one.ok && other.ok).toBe(true);
		if (!one.ok || !other.ok) return;
		expect(other.value.bytes).toEqual(one.value.bytes);
		expect(new TextDecoder().decode(one.value.bytes)).toBe(one.value.text);
		expect(one.value.text).not.toMatch(/\r/);
		expect(one.value.text.endsWith('.\n\n## Documentos\n\n- Declaración de San Salvador\n')).toBe(true);
		expect(one.value.bytes.length).toBeGreaterThan(one.value.text.length); // accents take two bytes in UTF-8
	});

	it('says when the vote is still open, when the plenary was cancelled, and when no one attends', () => {
		const record = recordOf([
			announce('$a', 0, { ...PLENARY, cancelled: true }),
			pollStart('$p', 1),
			message('$m', SECRETARIAT, 2, { type: 'minutes', plenary: PLENARY.id, text: { en: 'Postponed.' }, decisions: [] }),
		]);
		const doc = renderMinutes(record, 'en');
		const text = doc.ok ? doc.value.text : '';
		expect(text).toContain('\n**This plenary was cancelled.**\n');
		expect(text).toContain('- Result: Voting open\n- Authorities answering / quorum: 0 / 2\n');
		expect(text).toContain('## Participants\n\nNo participant has confirmed attendance.\n');
	});

	it('refuses without minutes, in a language not of the plenary, or without the minutes text in it', () => {
		expect(renderMinutes(recordOf(EVENTS.slice(0, -1)), 'es')).toEqual({ ok: false, error: { kind: 'no-minutes' } });
		expect(renderMinutes(recordOf(), 'fr')).toEqual({
			ok: false,
			error: { kind: 'language-not-of-plenary', language: 'fr', languages: ['es', 'en'] },
		});
		const onlyEnglish = [
			...EVENTS.slice(0, -1),
			message('$m', SECRETARIAT, 30, { type: 'minutes', plenary: PLENARY.id, text: { en: 'Minutes.' }, decisions: [] }),
		];
		expect(renderMinutes(recordOf(onlyEnglish), 'es')).toEqual({ ok: false, error: { kind: 'no-minutes-text', language: 'es' } });
	});
});
