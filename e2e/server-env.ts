// Where the e2e server runs and keeps its data: shared by playwright.config.ts (which starts it)
// and the journeys that read what it wrote (the captured mails).
export const e2ePort = Number(process.env.E2E_PORT ?? 3100);
export const e2eDataDir = `data/e2e-${e2ePort}`;
export const e2eMailCaptureDir = `${e2eDataDir}/mail`;
