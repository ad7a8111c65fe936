// The roster's roles in the reader's language.
import type { Role } from '#policies/roster/types.ts';
import * as m from '../../paraglide/messages.js';

const LABELS: Record<Role, () => string> = {
	prosecutor: m.sessions_role_prosecutor,
	'central-authority-officer': m.sessions_role_central_authority_officer,
	'focal-point': m.sessions_role_focal_point,
	'focal-point-24-7': m.sessions_role_focal_point_24_7,
	secretariat: m.sessions_role_secretariat,
	'authority-administrator': m.sessions_role_authority_administrator,
};

export const roleLabel = (role: Role): string => LABELS[role]();
