// The web server's session table (drizzle). A row is one signed-in browser:
// its id is the SHA-256 of the session token the browser holds in its cookie,
// so a leaked database yields no usable token (the Lucia way). Roles are not
// stored: they are read from the roster on every request, so a roster change
// applies at once.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const sessions = sqliteTable(
	'sessions',
	{
		/** Lower-case hex SHA-256 of the session token. */
		id: text('id').primaryKey(),
		/** The Matrix user ID the homeserver confirmed (whoami), e.g. "@carlos.mendez:matrix.mp.gt". */
		userId: text('user_id').notNull(),
		/** The Matrix device the verified access token belongs to. */
		deviceId: text('device_id'),
		/** The deployment's homeserver id of the user's server (the roster's authority id for a member). */
		homeserverId: text('homeserver_id').notNull(),
		/** Milliseconds since the epoch. */
		createdAt: integer('created_at').notNull(),
		/** Milliseconds since the epoch; moved forward when less than half the lifetime remains. */
		expiresAt: integer('expires_at').notNull(),
		/** Whether the cookie carries Secure (decided once, from the origin the browser signed in on). */
		secure: integer('secure', { mode: 'boolean' }).notNull(),
	},
	(table) => [index('sessions_user_id').on(table.userId)],
);

export type SessionRow = typeof sessions.$inferSelect;
