import { describe, expect, it } from 'vitest';
import { emptyDraft, localInputToIso, requestOf } from './request-form.ts';

const NOW = Date.parse('2026-03-01T16:00:00Z');

describe('requestOf', () => {
	it('builds the payload: one identifier or range per line, the sent date in the viewer’s zone', () => {
		const made = requestOf(
			{
				...emptyDraft(),
				custodian: ' Example Mail ',
				identifiers: 'a@example.com\n\n +234 1 ',
				ranges: '2025-01 to 2025-03',
				rule: 'budapest-29',
				zone: 'Africa/Lagos',
			},
			NOW,
			'America/Guatemala',
		);
		expect(made).toEqual({
			ok: true,
			value: {
				type: 'preservation-requested',
				custodian: 'Example Mail',
				identifiers: ['a@example.com', '+234 1'],
				ranges: ['2025-01 to 2025-03'],
				rule: 'budapest-29',
				zone: 'Africa/Lagos',
				sent: '2026-03-01T10:00:00.000-06:00',
			},
		});
	});

	it.each([
		[{ custodian: '' }, 'custodian'],
		[{ identifiers: ' \n ' }, 'identifiers'],
		[{ identifiers: Array.from({ length: 51 }, (_, i) => `x${i}`).join('\n') }, 'too-many'],
		[{ rule: 'budapest-29', zone: '' }, 'zone-required'],
		[{ zone: 'Mars/Base' }, 'zone'],
		[{ rule: 'nope' }, 'rule'],
	])('refuses %o as %s', (change, problem) => {
		const made = requestOf({ ...emptyDraft(), custodian: 'C', identifiers: 'id', ...change }, NOW, 'UTC');
		expect(made).toEqual({ ok: false, error: problem });
	});

	it('takes the rule’s default zone when none is named', () => {
		const made = requestOf({ ...emptyDraft(), custodian: 'C', identifiers: 'id', rule: 'us-2703f' }, NOW, 'UTC');
		expect(made.ok ? 'zone' in made.value : 'refused').toBe(false);
	});
});

describe('localInputToIso', () => {
	it('reads a datetime-local value in the browser’s zone and refuses anything else', () => {
		const iso = localInputToIso('2026-03-01T10:00', 'UTC');
		expect(iso === undefined ? NaN : Date.parse(iso)).toBe(new Date('2026-03-01T10:00').getTime());
		expect(localInputToIso('yesterday', 'UTC')).toBeUndefined();
	});
});
