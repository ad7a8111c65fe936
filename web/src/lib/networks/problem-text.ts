// What went wrong on the network page, in the reader's words, each saying
// what to do: an action that did not go through, and a field of a form.
import { MAX_ATTACHMENT_BYTES } from '#policies/attachments/limits.ts';
import { formatBytes } from '../cases/labels.ts';
import * as m from '../paraglide/messages.js';
import { getLocale } from '../paraglide/runtime.js';
import type { AnnounceProblemCode } from './announce-form.ts';
import type { ActionProblem } from './network-page.svelte.ts';

export function actionProblemText(problem: ActionProblem, network: string): string {
	switch (problem.kind) {
		case 'not-ready':
			return m.net_problem_not_ready();
		case 'too-large':
			return m.pd_too_large({ name: problem.name, limit: formatBytes(MAX_ATTACHMENT_BYTES, getLocale()) });
		case 'tampered':
			return m.pd_tampered();
		case 'no-room':
			return m.net_problem_no_room();
		case 'no-plenary-room':
			return m.net_problem_no_plenary({ network });
		case 'no-space':
			return m.net_problem_no_space({ network });
		case 'not-trusted':
			return m.net_problem_not_trusted({ network });
		case 'unreachable':
			return m.net_problem_unreachable();
		case 'signed-out-elsewhere':
		case 'rate-limited':
			return m.net_problem_refused({ detail: problem.kind });
		case 'refused':
		case 'unexpected':
			return m.net_problem_refused({ detail: problem.detail });
	}
}

export function fieldProblemText(code: AnnounceProblemCode | 'quorum' | 'question' | undefined): string | undefined {
	switch (code) {
		case undefined:
			return undefined;
		case 'required':
			return m.net_problem_required();
		case 'country':
			return m.net_problem_country();
		case 'date':
			return m.net_problem_date();
		case 'end-before-start':
			return m.net_problem_end_before_start();
		case 'languages':
			return m.net_problem_languages();
		case 'agenda':
			return m.net_problem_agenda();
		case 'too-long':
			return m.net_problem_too_long();
		case 'refused':
			return m.net_problem_form_refused();
		case 'quorum':
			return m.net_problem_quorum();
		case 'question':
			return m.net_problem_question();
	}
}
