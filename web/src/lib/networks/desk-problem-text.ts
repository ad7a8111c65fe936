// What went wrong at the secretariat's admission desk, in the reader's words,
// each saying what to do (a homeserver's failure as the network page says it).
import * as m from '../paraglide/messages.js';
import type { DeskProblem } from './admission-desk.svelte.ts';
import { actionProblemText } from './problem-text.ts';

export function deskProblemText(problem: DeskProblem, network: string): string {
	switch (problem.kind) {
		case 'no-room':
			return m.adm_no_room({ network });
		case 'unreadable-file':
			return m.adm_file_unreadable();
		case 'check-unavailable':
			return m.adm_check_unavailable();
		case 'not-staff':
			return m.adm_check_not_staff({ network });
		case 'not-announceable':
			return m.adm_not_announceable();
		default:
			return actionProblemText(problem, network);
	}
}
