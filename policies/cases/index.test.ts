// The public entry point loads and exposes the pieces web/ and bridge/ need.
import { describe, expect, it } from 'vitest';
import * as cases from './index.ts';

describe('policies/cases', () => {
	it('exports the vocabulary, validator, builders, workflows, fold and proposals', () => {
		for (const name of [
			'parseCaseEvent',
			'buildCaseContent',
			'renderBody',
			'allowedTransitions',
			'tuneWorkflow',
			'foldCase',
			'proposeTransition',
			'serversFromRoster',
		]) {
			expect(typeof cases[name as keyof typeof cases]).toBe('function');
		}
		expect(cases.CASE_KEY).toBe('org.rogatory.case');
	});
});
