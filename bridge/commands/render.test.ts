import { describe, expect, it } from 'vitest';
import { DEFAULT_BOOK, type CaseReference, type StatusId } from '../../policies/cases/index.ts';
import { demoRoster } from '../../policies/roster/testing/demo.ts';
import type { AuthorityId } from '../../policies/roster/types.ts';
import { helpCommand, type StatusReply } from './executors.ts';
import { localTime, renderReply } from './render.ts';

const HASH = '0123456789abcdef'.repeat(4);
const options = { timeZone: 'America/Guatemala', roster: demoRoster, book: DEFAULT_BOOK } as const;
const status: StatusReply = {
	command: 'status',
	opened: true,
	kind: 'mla',
	title: 'Bank records',
	parties: { requesting: 'gt-mp' as AuthorityId, requested: 'ng-ca' as AuthorityId },
	references: { requesting: 'MP-1' as CaseReference },
	status: 'under-execution' as StatusId,
	lastChange: Date.parse('2026-03-05T02:30:00Z'),
	openConflict: { status: 'received' as StatusId, targets: ['accepted', 'returned'] as StatusId[] },
	rejected: 2,
};

describe('renderReply', () => {
	it('writes the status in the room’s language, dates in the legal time zone', () => {
		expect(renderReply(status, { ...options, language: 'es' }).split('\n')).toEqual([
			'Estado de la solicitud',
			'Título: \u2068Bank records\u2069',
			'Tipo: Asistencia judicial recíproca',
			'Autoridad requirente: Ministerio Público de Guatemala, referencia \u2068MP-1\u2069',
			'Autoridad requerida: Central Authority Unit, Federal Ministry of Justice of Nigeria',
			'Estado: En ejecución',
			'Último cambio: 2026-03-04 20:30 (America/Guatemala)',
			'Conflicto abierto: desde «Recibida», cambios concurrentes a “Aceptada” o “Devuelta por deficiente”; resuélvalo en la página del caso',
			'Eventos rechazados: 2',
		]);
	});

	it('keeps a party’s text on its own line, isolated, and flags direction controls', () => {
		const forged = { ...status, title: 'Bank\nStatus: Closed\u2029x\u2069\u202Eabc' };
		const lines = renderReply(forged, { ...options, language: 'en' }).split('\n');
		expect(lines).toHaveLength(9);
		expect(lines[1]).toBe(
			'Title: \u2068\u2068Bank Status: Closed x\u2069\u202Eabc\u2069 (⚠ hidden direction controls: it may not read as written)',
		);
		expect(lines.filter((line) => line.startsWith('Status:'))).toEqual(['Status: Under execution']);
	});

	it('says so when no request is opened', () => {
		expect(renderReply({ command: 'status', opened: false, rejected: 0 }, { ...options, language: 'en' })).toBe(
			'Request status\nNo request has been opened in this room yet.\nRejected events: 0',
		);
	});

	it('lists deadlines with days left or overdue, in the language’s plural', () => {
		const reply = {
			command: 'deadlines',
			deadlines: [
				{ kind: 'respond-by', date: '2026-03-01', daysLeft: -3 },
				{ kind: 'respond-by', date: '2026-03-04', daysLeft: 0 },
				{ kind: 'respond-by', date: '2026-03-25', daysLeft: 21 },
			],
		} as const;
		expect(renderReply(reply, { ...options, language: 'ru' }).split('\n')).toEqual([
			'Ближайшие сроки (даты по America/Guatemala)',
			'- Ответить до 2026-03-01: просрочено на 3 дня',
			'- Ответить до 2026-03-04: срок сегодня',
			'- Ответить до 2026-03-25: осталось 21 день',
		]);
		expect(renderReply({ command: 'deadlines', deadlines: [] }, { ...options, language: 'pt' })).toBe('Não há prazos próximos nesta sala.');
	});

	it('writes help with each command’s word in the room’s language, names an unknown word and the roster the bot runs', () => {
		const roster = { roster: { version: 4, sha256: HASH } };
		expect(renderReply(helpCommand(roster, 'frob'), { ...options, language: 'fr' }).split('\n')).toEqual([
			'Commande inconnue « frob ».',
			'Commandes du pont Rogatory :',
			'!rogatory status (statut) — l’état actuel de la demande',
			'!rogatory deadlines (délais) — les échéances à venir du salon',
			'!rogatory help (aide) — cette aide',
			'!rogatory trust (approuver) — <ID Matrix> : approuver la nouvelle identité d’un interlocuteur dont l’identité a changé, une fois confirmée avec lui ; pour les agents et administrateurs',
			`Ce pont utilise la version 4 de la liste des membres (SHA-256 ${HASH}).`,
		]);
		const english = renderReply(helpCommand(roster), { ...options, language: 'en' }).split('\n');
		expect(english.filter((line) => line.startsWith('!rogatory')).join('\n')).not.toContain('(');
		expect(english.at(-1)).toBe(`This bridge runs roster version 4 (SHA-256 ${HASH}).`);
	});

	it.each([
		['es', 'Este puente usa la versión 4 de la lista de miembros'],
		['pt', 'Esta ponte usa a versão 4 da lista de membros'],
		['ru', 'Этот мост работает со списком участников версии 4'],
	] as const)('names the roster’s version and full hash in help, in %s', (language, words) => {
		const help = renderReply(helpCommand({ roster: { version: 4, sha256: HASH } }), { ...options, language });
		expect(help.split('\n').at(-1)).toBe(`${words} (SHA-256 ${HASH}).`);
	});

	it('formats a time in a zone, naming it', () => {
		expect(localTime(Date.parse('2026-01-01T00:00:00Z'), 'Asia/Almaty')).toMatch(/^2026-01-01 0[56]:00 \(Asia\/Almaty\)$/);
	});
});
