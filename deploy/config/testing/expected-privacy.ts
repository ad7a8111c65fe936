// What every member homeserver's config must say about people's data, written
// out by hand as the tests' oracle (not derived from privacy.ts, which it
// checks): the local generator's, the production generator's and the running
// federation's configs are each held against it.
import { MAX_ATTACHMENT_BYTES } from '#policies/attachments/limits.ts';

export const EXPECTED_PRIVACY = {
	require_auth_for_profile_requests: true,
	limit_profile_requests_to_users_who_share_rooms: true,
	include_profile_data_on_invite: false,
	presence: { enabled: false },
	encryption_enabled_by_default_for_room_type: 'all',
	forget_rooms_on_leave: true,
	user_ips_max_age: '14d',
	redaction_retention_period: '1d',
	max_upload_size: MAX_ATTACHMENT_BYTES,
} as const;
