import { describe, expect, it } from 'vitest';
import { rendererFor } from '../i18n/render.ts';
import { LIMITS } from '../vocabulary/limits.ts';
import { move, OPENED, ROOT } from '../testing/fixtures.ts';
import { buildCaseContent } from './build.ts';
import type { CaseEvent } from './types.ts';

describe('buildCaseContent', () => {
	it('wraps the payload, versioned, under the namespaced key with a readable body', () => {
		const built = buildCaseContent(move(ROOT, 'received', 'under-execution'), rendererFor('es'));
		expect(built).toEqual({
			ok: true,
			value: {
				msgtype: 'm.text',
				body: 'Estado: Recibida → En ejecución',
				'm.mentions': {},
				'org.rogatory.case': { v: 1, type: 'transition', follows: ROOT, from: 'received', to: 'under-execution' },
			},
		});
	});

	it('sends m.text unless an automated sender asks for m.notice, and never emits m.relates_to', () => {
		const note = buildCaseContent({ type: 'note', text: 'Hello' }, rendererFor('en'));
		expect(note.ok && note.value.msgtype).toBe('m.text');
		const byBridge = buildCaseContent({ type: 'note', text: 'Reminder' }, rendererFor('en'), { msgtype: 'm.notice' });
		expect(byBridge.ok && byBridge.value.msgtype).toBe('m.notice');
		const opened = buildCaseContent(OPENED, rendererFor('en'));
		expect(opened.ok && JSON.stringify(opened.value)).not.toContain('m.relates_to');
	});

	it('refuses an invalid payload with the reason', () => {
		const built = buildCaseContent({ ...OPENED, fields: { ...OPENED.fields, title: '' } }, rendererFor('en'));
		expect(built.ok).toBe(false);
		expect(!built.ok && built.error.reason).toMatch(/fields\.title: must not be blank/);
	});

	it('drops keys the vocabulary does not define', () => {
		const widened = { ...move(ROOT, 'draft', 'sent'), 'm.relates_to': { event_id: '$x' } } as CaseEvent;
		const built = buildCaseContent(widened, rendererFor('en'));
		expect(built.ok && Object.keys(built.value['org.rogatory.case'])).toEqual(['v', 'type', 'follows', 'from', 'to']);
	});

	it('clips a body that would exceed the size limit', () => {
		const built = buildCaseContent({ type: 'note', text: 'x' }, () => 'y'.repeat(LIMITS.body + 10));
		expect(built.ok && built.value.body.length).toBe(LIMITS.body);
	});
});
