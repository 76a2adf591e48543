/**
 * Query keys of the sharing pages. Grants, requests and the log are public chain data (no
 * decrypted content), so none needs the "private" prefix; all are refreshed after every change.
 */
export const SHARING_QUERY_KEYS = [["patient-grants"], ["access-requests"], ["access-log"]] as const;
