import { describe, expect, it } from 'vitest';
import { DEFAULT_REGISTRY, foldCase, type OpenedCase } from '#policies/cases/index.ts';
import { CONTEXT, opening } from '#policies/cases/testing/fixtures.ts';
import { amendableFields, changesOf, draftOf } from './amend-form.ts';

function opened(): OpenedCase {
	const record = foldCase([opening(1_000)], { ...CONTEXT, workflows: DEFAULT_REGISTRY });
	if (!record.opened) throw new Error('fixture did not open');
	return record;
}

describe('amendableFields', () => {
	it('gives the requesting side the substance and the requested side the title only', () => {
		expect(amendableFields('requesting')).toEqual(['title', 'legalBasis', 'offences', 'urgency', 'channel', 'respondBy']);
		expect(amendableFields('requested')).toEqual(['title']);
		expect(amendableFields(undefined)).toEqual([]);
	});
});

describe('changesOf', () => {
	const record = opened();
	const today = '2026-03-10';

	it('starts from the current value and sends only a real change, with a reason', () => {
		const draft = draftOf('urgency', record.fields);
		expect(draft.urgency).toBe(record.fields.urgency);
		expect(changesOf(draft, record.fields, today)).toEqual({ ok: false, error: 'unchanged' });
		draft.urgency = record.fields.urgency === 'immediate' ? 'routine' : 'immediate';
		expect(changesOf(draft, record.fields, today)).toEqual({ ok: false, error: 'reason' });
		draft.reason = 'The suspect booked a flight';
		expect(changesOf(draft, record.fields, today)).toEqual({ ok: true, value: { urgency: draft.urgency } });
	});

	it('refuses an empty title, no offence, and an answer-by date in the past', () => {
		const title = { ...draftOf('title', record.fields), title: '   ', reason: 'Because' };
		expect(changesOf(title, record.fields, today)).toEqual({ ok: false, error: 'title' });
		const offences = { ...draftOf('offences', record.fields), reason: 'Because' };
		for (const pick of Object.values(offences.offences)) pick.chosen = false;
		expect(changesOf(offences, record.fields, today)).toEqual({ ok: false, error: 'offences' });
		const date = { ...draftOf('respondBy', record.fields), respondBy: '2026-03-09', reason: 'Because' };
		expect(changesOf(date, record.fields, today)).toEqual({ ok: false, error: 'respond-by' });
		expect(changesOf({ ...date, respondBy: '2026-03-10' }, record.fields, today)).toEqual({ ok: true, value: { respondBy: '2026-03-10' } });
	});
});
