// How large an attachment may be, before encryption (the ciphertext is the
// same size): one number for the page that checks first and the code that uploads.
export const MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
