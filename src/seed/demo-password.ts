/**
 * The password of every seeded demo account (README, "Demo accounts"). It is public on purpose:
 * the demo world holds only fictitious data, and the seed refuses to run in production.
 */
export const demoPassword = "InnoVET-demo-2026";
