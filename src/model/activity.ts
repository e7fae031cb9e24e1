/** Liveness is asked at a ±30 min scale: the agent's activity is kept in five-minute buckets. */
export const ACTIVITY_BUCKET_MIN = 5;
