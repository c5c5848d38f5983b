// Size limits shared by the API and the CLI.
/** Largest message text scanned, in UTF-8 bytes (16 KiB). */
export const MAX_SCAN_TEXT_BYTES = 16 * 1024;
/** Most messages in one batch request. */
export const MAX_SCAN_BATCH = 100;
