import { describe, expect, it } from 'vitest';
import { demoRoster } from '../../roster/testing/demo.ts';
import { status, workflowId } from '../ids/codes.ts';
import { MLA_WORKFLOW } from '../workflows/mla.ts';
import { tuneWorkflow } from '../workflows/tune.ts';
import { move, OPENED, OTHER_ROOM, ROOT } from '../testing/fixtures.ts';
import { DEFAULT_BOOK, withWorkflow } from './book.ts';
import { renderBody, renderFieldValue } from './render.ts';

const received = move(ROOT, 'received', 'under-execution');

describe('renderBody', () => {
	it.each([
		['en', 'Status: Received → Under execution'],
		['es', 'Estado: Recibida → En ejecución'],
		['fr', 'Statut\u00a0: Reçue → En cours d’exécution'],
		['pt', 'Estado: Recebido → Em execução'],
		['ru', 'Статус: Получен → Исполняется'],
	] as const)('renders a transition in %s', (lang, body) => {
		expect(renderBody(received, lang)).toBe(body);
	});

	it('adds the reason on its own line', () => {
		expect(renderBody(move(ROOT, 'received', 'refused', 'No dual criminality'), 'en')).toBe(
			'Status: Received → Refused\nReason: No dual criminality',
		);
	});

	it('renders an opening with the parties, offences and the serious-crime flag', () => {
		const name = (id: string) => demoRoster.authorities.find((a) => a.id === id)?.name ?? id;
		expect(renderBody(OPENED, 'en', { authorityName: name }).split('\n')).toEqual([
			'Request opened: Mutual legal assistance',
			'Title: Bank records, Operación Cóndor',
			'Requesting authority: Ministerio Público de Guatemala (ref. MP-FECO-2025-0113)',
			'Requested authority: Central Authority Unit, Federal Ministry of Justice of Nigeria',
			'Offences: Drug trafficking (serious crime); Money-laundering (serious crime)',
			'Legal basis: UN Convention against Transnational Organized Crime — UNTOC art. 18',
			'Urgency: Urgent · Channel: Formal',
		]);
	});

	it('renders amendments, settlements, notes and links', () => {
		expect(renderBody({ type: 'amended', changes: { urgency: 'immediate' }, reason: 'Flight booked' }, 'es')).toBe(
			'Campos modificados: Urgencia → Inmediata (24/7)\nMotivo: Flight booked',
		);
		expect(renderBody({ type: 'settled', conflictAt: ROOT, chosen: ROOT, to: status('accepted'), reason: 'Agreed' }, 'pt')).toBe(
			'Conflito resolvido, estado mantido: Aceite\nMotivo: Agreed',
		);
		expect(renderBody({ type: 'note', text: 'Hola' }, 'ru')).toBe('Hola');
		expect(renderBody({ type: 'link', relation: 'preservation-mla', end: 'earlier', target: OTHER_ROOM }, 'en')).toBe(
			`Linked: the MLA request that follows this preservation (${OTHER_ROOM})`,
		);
	});

	it('shows an unknown code as the code, and a tuned status with its own label', () => {
		expect(renderBody(move(ROOT, 'received', 'escalated'), 'en')).toBe('Status: Received → escalated');
		const labels = {
			escalated: {
				en: 'Escalated to the secretariat',
				es: 'Elevada a la secretaría',
				fr: 'Transmise au secrétariat',
				pt: 'Remetido ao secretariado',
				ru: 'Передан в секретариат',
			},
		};
		const tuned = tuneWorkflow(MLA_WORKFLOW, {
			id: workflowId('mla.test.v1'),
			addStatuses: [status('escalated')],
			labels,
			add: [
				{ from: status('received'), to: status('escalated'), by: ['requested'], reason: 'optional' },
				{ from: status('escalated'), to: status('closed'), by: ['requested'], reason: 'optional' },
			],
		});
		expect(tuned.ok).toBe(true);
		if (!tuned.ok) return;
		expect(renderBody(move(ROOT, 'received', 'escalated'), 'es', { book: withWorkflow(DEFAULT_BOOK, tuned.value) })).toBe(
			'Estado: Recibida → Elevada a la secretaría',
		);
	});
});

describe('renderFieldValue', () => {
	it('writes one field the way the bodies do, and nothing for an unset one', () => {
		expect(renderFieldValue('urgency', { urgency: 'immediate' }, 'fr')).toBe(DEFAULT_BOOK.urgencies.immediate?.fr);
		expect(renderFieldValue('respondBy', { respondBy: '2026-12-01' }, 'ru')).toBe('2026-12-01');
		expect(renderFieldValue('requestedReference', {}, 'en')).toBe('');
	});
});
