// Why an entry or a card was not sent, in the reader's words.
import * as m from '../paraglide/messages.js';
import type { PublishProblem } from './directories.svelte.ts';
import type { FieldProblem } from './entry-forms.ts';

export function publishProblemText(problem: PublishProblem): string {
	switch (problem.kind) {
		case 'not-ready':
			return m.directory_problem_not_ready();
		case 'no-room':
			return m.directory_problem_no_room();
		case 'not-editor':
			return m.directory_problem_not_editor();
		case 'no-points-room':
			return m.directory_form_contact_restricted_unavailable();
		case 'unreachable':
			return m.directory_problem_unreachable();
		case 'signed-out-elsewhere':
		case 'rate-limited':
			return m.directory_problem_refused({ detail: problem.kind });
		case 'refused':
		case 'unexpected':
			return m.directory_problem_refused({ detail: problem.detail });
	}
}

/** What is wrong with one field of the editor's forms. */
export function fieldProblemText(problem: FieldProblem | undefined): string | undefined {
	switch (problem?.code) {
		case undefined:
			return undefined;
		case 'required':
			return m.directory_field_required();
		case 'language':
			return m.directory_field_language();
		case 'time-zone':
			return m.directory_field_time_zone();
		case 'time':
			return m.directory_field_time();
		case 'hours-order':
			return m.directory_field_hours_order();
		case 'matrix-id':
			return m.directory_field_matrix_id();
		case 'email':
			return m.directory_field_email();
		case 'phone':
			return m.directory_field_phone();
		case 'channel':
			return m.directory_field_channel({ line: problem.line ?? 1 });
		case 'rota':
			return m.directory_field_rota({ line: problem.line ?? 1 });
		case 'days':
			return m.directory_field_days();
		case 'refused':
			return m.directory_field_refused();
	}
}
