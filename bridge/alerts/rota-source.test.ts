import { describe, expect, it } from 'vitest';
import type { DirectoryPayload, PersonEntry } from '../../policies/directory/types.ts';
import { EMPTY_STATE } from '../directory/state-file.ts';
import { personEntriesOf } from './rota-source.ts';

const entry = (id: string, name: string): PersonEntry =>
	({ id, authority: 'ng-ca', name, roles: ['focal-point-24-7'], languages: ['en'], rota: [] }) as unknown as PersonEntry;
const person = (e: PersonEntry, at: string): { payload: DirectoryPayload; eventId: string } => ({
	payload: { type: 'person', entry: e, updated: { at, by: '@ed:ng.example' } },
	eventId: `$${at}`,
});

describe('the rota the escalation reads', () => {
	it('is every network’s person entries, one per person, the latest standing', () => {
		const state = {
			...EMPTY_STATE,
			entries: {
				WACAP: { 'person:ada': person(entry('ada', 'Ada old'), '2026-12-01T00:00:00Z') },
				IBERRED: {
					'person:ada': person(entry('ada', 'Ada new'), '2026-12-02T00:00:00Z'),
					'person:ben': person(entry('ben', 'Ben'), '2026-12-01T00:00:00Z'),
					removed: { payload: { type: 'removed', authority: 'ng-ca', person: 'cai', why: 'departed' }, eventId: '$r' },
				},
			},
		} as unknown as Parameters<typeof personEntriesOf>[0];
		expect(personEntriesOf(state).map((e) => e.name)).toEqual(['Ada new', 'Ben']);
	});
});
