// The fallback body a stock client shows, and the builder's refusals.
import { describe, expect, it } from 'vitest';
import { PLENARY } from '../testing/fixtures.ts';
import { buildPlenaryContent, plenaryBody } from './build.ts';
import { PLENARY_KEY } from './namespace.ts';

describe('plenaryBody', () => {
	it('says what the event is in one readable line', () => {
		expect(plenaryBody({ type: 'plenary', plenary: PLENARY })).toBe(
			'Plenary: REFCO 12th Plenary Meeting (SV, 2026-11-03 – 2026-11-05, expert, 3 agenda items)',
		);
		expect(plenaryBody({ type: 'plenary', plenary: { ...PLENARY, cancelled: true, title: { es: 'Plenaria' }, languages: ['es'] } })).toBe(
			'Plenary cancelled: Plenaria (SV, 2026-11-03 – 2026-11-05, expert, 3 agenda items)',
		);
		expect(plenaryBody({ type: 'attendance', plenary: PLENARY.id, attending: false })).toBe('Plenary refco-2026-1: will not attend');
		expect(plenaryBody({ type: 'minutes', plenary: PLENARY.id, text: { es: 'Acta' }, decisions: [] })).toBe(
			'Plenary refco-2026-1: minutes posted',
		);
	});
});

describe('buildPlenaryContent', () => {
	it('builds an m.text message with the payload under the namespaced key', () => {
		const built = buildPlenaryContent({ type: 'attendance', plenary: PLENARY.id, attending: true });
		expect(built).toEqual({
			ok: true,
			value: {
				msgtype: 'm.text',
				body: 'Plenary refco-2026-1: will attend',
				'm.mentions': {},
				[PLENARY_KEY]: { version: 1, type: 'attendance', plenary: PLENARY.id, attending: true },
			},
		});
	});

	it('refuses an invalid payload with the parser’s reason', () => {
		const built = buildPlenaryContent({ type: 'plenary', plenary: { ...PLENARY, end: '2026-01-01' } });
		expect(built).toEqual({ ok: false, error: `${PLENARY_KEY}.plenary.end: must be on or after the start` });
	});
});
