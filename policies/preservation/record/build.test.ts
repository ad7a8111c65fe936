// Bodies in the five languages for stock clients, and the builder's refusals.
import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../roster/types.ts';
import { buildPreservationContent } from './build.ts';
import { REQUEST, REQUEST_ID } from './testing/fixtures.ts';
import { PRESERVATION_KEY } from './vocabulary.ts';

describe('buildPreservationContent', () => {
	it('writes a readable body in each language and the payload under its own key, without relations or mentions', () => {
		const bodies = LANGUAGES.map((lang) => {
			const built = buildPreservationContent(REQUEST, lang);
			if (!built.ok) throw new Error(built.error.reason);
			expect(built.value[PRESERVATION_KEY]).toEqual({ v: 1, ...REQUEST });
			expect(built.value['m.mentions']).toEqual({});
			expect(built.value).not.toHaveProperty('m.relates_to');
			expect(built.value).not.toHaveProperty('org.rogatory.case');
			return built.value.body;
		});
		expect(bodies[0]).toBe(
			'Preservation requested: Example Mail Ltd.\nData: suspect@example.com; +234 800 000 0000\nPeriods: 2025-01-01 to 2025-03-31 UTC\nRule: United States, 18 U.S.C. § 2703(f)(2)\nSent: 2026-01-05T09:00-06:00',
		);
		expect(bodies[2]).toContain('Conservation demandée\u00a0: Example Mail Ltd.');
		expect(bodies[4]).toContain('Запрошено обеспечение сохранности: Example Mail Ltd.');
		expect(new Set(bodies).size).toBe(5);
	});

	it('refuses an invalid payload instead of sending it', () => {
		const built = buildPreservationContent({ type: 'preservation-extended', preservation: REQUEST_ID, extension: -1 }, 'es');
		expect(built.ok ? '' : built.error.code).toBe('malformed');
	});
});
