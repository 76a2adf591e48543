/** Queries that show participants' kinds and statuses: refreshed after every registration or status change. */
export const PARTICIPANT_QUERY_KEYS = [["participants"], ["directory"]] as const;
