// The edge where problem values become sentences in the reader's language
// (STYLE.md, 4). Views call these; nothing below the views knows a message.
import type { KeySetupProblem, OpenProblem, RecoveryProblem } from '../../matrix/api.ts';
import type { Failure } from '../../matrix/failure.ts';
import type { LoginProblem } from '../../matrix/login.ts';
import type { MatrixIdProblem } from '../../matrix/matrix-id.ts';
import type { MemberProblem } from '../../matrix/member-homeserver.ts';
import type { RecoveryKeyCopyProblem } from '../../matrix/recovery-key.ts';
import * as m from '../../paraglide/messages.js';
import type { SignedOutReason } from '../session.svelte.ts';
import type { SignInProblem } from '../sign-in.svelte.ts';

/** Server names as a list in the reader's language: "a, b and c", or "a, b or c" for a choice. */
export function serverList(serverNames: readonly string[], locale: string, choice = false): string {
	return new Intl.ListFormat(locale, { type: choice ? 'disjunction' : 'conjunction' }).format(serverNames);
}

export function matrixIdText(problem: MatrixIdProblem | MemberProblem, locale: string): string {
	switch (problem.kind) {
		case 'not-a-member':
			return m.signin_error_not_member({ server: problem.serverName, servers: serverList(problem.members, locale, true) });
		case 'no-members':
			return m.signin_error_no_members();
		case 'empty':
			return m.signin_error_user_id_empty();
		case 'missing-server':
			return m.signin_error_user_id_missing_server();
		case 'missing-localpart':
			return m.signin_error_user_id_missing_localpart();
		case 'invalid-localpart':
			return m.signin_error_user_id_invalid_localpart();
		case 'invalid-server':
			return m.signin_error_user_id_invalid_server();
		case 'too-long':
			return m.signin_error_user_id_too_long();
	}
}

export function loginText(problem: LoginProblem): string {
	switch (problem.kind) {
		case 'unreachable':
			return m.signin_error_unreachable();
		case 'not-a-homeserver':
			return m.signin_error_not_homeserver();
		case 'credentials-rejected':
			return m.signin_error_credentials();
		case 'deactivated':
			return m.signin_error_deactivated();
		case 'rate-limited':
			return problem.retryAfterSeconds === undefined
				? m.signin_error_rate_limited_unknown()
				: m.signin_error_rate_limited({ seconds: problem.retryAfterSeconds });
		case 'password-unsupported':
			return m.signin_error_password_unsupported();
		case 'other-user':
			return m.signin_error_other_user({ userId: problem.userId });
		case 'server-error':
			return m.signin_error_server({ status: problem.status });
	}
}

export function signInText(problem: SignInProblem, locale: string): string {
	switch (problem.field) {
		case 'userId':
			return matrixIdText(problem.problem, locale);
		case 'password':
			return m.signin_error_password_empty();
		case 'form':
			return loginText(problem.problem);
	}
}

/** A failure of an SDK call, in words; `detail` is for the console only, never the page. */
export function failureText(failure: Failure): { readonly text: string; readonly detail: string | undefined } {
	switch (failure.kind) {
		case 'unreachable':
			return { text: m.session_failed_unreachable(), detail: undefined };
		case 'signed-out-elsewhere':
			return { text: m.session_signed_out_elsewhere(), detail: undefined };
		case 'rate-limited':
			return { text: m.signin_error_rate_limited_unknown(), detail: undefined };
		case 'refused':
			return {
				text: failure.status === undefined ? m.session_failed_other() : m.session_failed_refused({ status: failure.status }),
				detail: `${failure.errcode ?? ''} ${failure.detail}`.trim(),
			};
		case 'unexpected':
			return { text: m.session_failed_other(), detail: failure.detail };
	}
}

export function openText(problem: OpenProblem): { readonly text: string; readonly detail: string | undefined } {
	switch (problem.kind) {
		case 'store-mismatch':
			return { text: m.session_failed_store_mismatch(), detail: undefined };
		case 'store-key-unreadable':
			return { text: m.session_failed_store_key(), detail: undefined };
		case 'crypto-unavailable':
			return { text: m.session_failed_crypto(), detail: problem.detail };
		default:
			return failureText(problem);
	}
}

export function keySetupText(problem: KeySetupProblem): { readonly text: string; readonly detail: string | undefined } {
	return problem.kind === 'password-not-given' ? { text: m.keys_failed_password(), detail: undefined } : failureText(problem);
}

export function copyText(problem: RecoveryKeyCopyProblem): string {
	switch (problem.kind) {
		case 'empty':
			return m.keys_confirm_empty();
		case 'incomplete':
			return m.keys_confirm_incomplete({ typed: problem.typedGroups, total: problem.totalGroups });
		case 'mismatch':
			return problem.caseOnly ? m.keys_confirm_mismatch_case({ group: problem.group }) : m.keys_confirm_mismatch({ group: problem.group });
		case 'too-long':
			return m.keys_confirm_too_long();
	}
}

export function recoveryText(problem: RecoveryProblem): { readonly text: string; readonly detail: string | undefined } {
	switch (problem.kind) {
		case 'not-a-recovery-key':
			return { text: m.recover_error_not_key(), detail: undefined };
		case 'wrong-recovery-key':
			return { text: m.recover_error_wrong_key(), detail: undefined };
		case 'no-recovery-key':
			return { text: m.recover_error_no_key(), detail: undefined };
		default:
			return failureText(problem);
	}
}

export function signedOutText(reason: SignedOutReason): string {
	switch (reason) {
		case 'signed-out':
			return m.signout_done();
		case 'ended-elsewhere':
			return m.session_signed_out_elsewhere();
		case 'other-tab':
			return m.session_signed_out_other_tab();
		case 'unreadable':
			return m.session_signed_out_unreadable();
		case 'protect-keys':
			return m.session_signed_out_protect();
	}
}
