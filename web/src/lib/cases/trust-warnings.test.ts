import { describe, expect, it } from 'vitest';
import type { TimelineItem } from '../matrix/cases.ts';
import { TrustWarnings } from './trust-warnings.ts';

const text = (id: string, pending = false): TimelineItem => ({ kind: 'text', id, sender: '@a:hs', at: 1, body: id, pending });

describe('TrustWarnings', () => {
	it('asks once per sent message, marks those the crypto cannot vouch for, and says so once', async () => {
		const trust = new TrustWarnings();
		const asked: string[] = [];
		let found = 0;
		const items = [text('$a'), text('$b'), text('~local', true)];
		const done = new Promise<void>((resolve) =>
			trust.ask(
				items,
				(id) => {
					asked.push(id);
					return Promise.resolve(id === '$b' ? 'unsigned-device' : undefined);
				},
				() => {
					found += 1;
					resolve();
				},
			),
		);
		await done;
		trust.ask(
			items,
			() => Promise.reject(new Error('asked twice')),
			() => (found += 10),
		);
		expect(asked).toEqual(['$a', '$b']);
		expect(found).toBe(1);
		expect(trust.apply(items).map((item) => (item.kind === 'undecryptable' ? undefined : item.warning))).toEqual([
			undefined,
			'unsigned-device',
			undefined,
		]);
	});
});
