// How large an attachment may be, before encryption (AES-CTR: the ciphertext
// the homeserver stores is exactly as long). One number for the page that
// checks first, the code that uploads, and every homeserver's
// `max_upload_size` (deploy/config/privacy.ts) and the reverse proxy's
// `client_max_body_size`: a file the page accepts is never refused later.
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
