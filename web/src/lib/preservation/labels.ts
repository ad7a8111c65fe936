// Preservation words in the reader's language: the countdown states (always
// in words, never colour alone), the time left, the statuses and the form's
// problems — from the web/messages/preservation catalogues.
import type { CountdownState, PreservationStatus } from '#policies/preservation/record/index.ts';
import { refusalText } from '../cases/refusal-text.ts';
import * as m from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import type { TimeLeft } from './expiry.ts';
import type { PreservationProblem } from './preservations.svelte.ts';

export function countdownLabel(state: CountdownState): string {
	switch (state) {
		case 'safe':
			return m.pres_state_safe();
		case 'due-soon':
			return m.pres_state_due_soon();
		case 'lapsing':
			return m.pres_state_lapsing();
		case 'lapsed':
			return m.pres_state_lapsed();
		case 'unconfirmed':
			return m.pres_state_unconfirmed();
		case 'released':
			return m.pres_state_released();
	}
}

export function timeLeftLabel(left: TimeLeft): string {
	if (left.amount < 0) return left.unit === 'days' ? m.pres_ago_days({ count: -left.amount }) : m.pres_ago_hours({ count: -left.amount });
	return left.unit === 'days' ? m.pres_left_days({ count: left.amount }) : m.pres_left_hours({ count: left.amount });
}

export function statusLabel(status: PreservationStatus): string {
	switch (status) {
		case 'requested':
			return m.pres_status_requested();
		case 'confirmed':
			return m.pres_status_confirmed();
		case 'extended':
			return m.pres_status_extended();
		case 'follow-up-sent':
			return m.pres_status_follow_up_sent();
		case 'released':
			return m.pres_status_released();
		case 'expired':
			return m.pres_status_expired();
	}
}

export function problemLabel(problem: PreservationProblem): string {
	switch (problem.kind) {
		case 'confirmed-at':
			return m.pres_error_confirmed_at();
		case 'follow-up':
			return m.pres_error_follow_up();
		case 'refused':
			return m.pres_error_refused({ why: refusalText(problem.code, getLocale()) });
		case 'failed':
			return m.pres_error_failed();
		case 'form':
			switch (problem.problem) {
				case 'custodian':
					return m.pres_error_custodian();
				case 'identifiers':
					return m.pres_error_identifiers();
				case 'too-many':
					return m.pres_error_too_many();
				case 'too-long':
					return m.pres_error_too_long();
				case 'zone-required':
					return m.pres_error_zone_required();
				case 'zone':
					return m.pres_error_zone();
				case 'rule':
					return m.pres_error_rule();
			}
	}
}
