// Why an entry or a card was not sent, in the reader's words.
import * as m from '../paraglide/messages.js';
import type { PublishProblem } from './directories.svelte.ts';

export function publishProblemText(problem: PublishProblem): string {
	switch (problem.kind) {
		case 'not-ready':
			return m.directory_problem_not_ready();
		case 'no-room':
			return m.directory_problem_no_room();
		case 'not-editor':
			return m.directory_problem_not_editor();
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
