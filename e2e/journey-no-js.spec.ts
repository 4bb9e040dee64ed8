import { test } from "./fixtures";
import {
  buildConsortium,
  checkAndSubmit,
  completePlanBudgetAttachments,
  exportList,
  publishCall,
  startAndAnswer,
} from "./journey-steps";

// The same journey as journey.spec.ts with JavaScript switched off in every browser, the
// partners' included: plain forms and post/redirect/get from the call to the export.

test("without JavaScript: from a published call to a submitted application in the export", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const callTitle = `E2E-reis zonder JavaScript ${stamp}`;
  const title = `E2E-aanvraag zonder JavaScript ${stamp}`;
  const callId = await publishCall(page, callTitle, false);
  const taskList = await startAndAnswer(page, callTitle, title);
  await buildConsortium(page, browser, taskList, stamp, false);
  await completePlanBudgetAttachments(page, taskList);
  await checkAndSubmit(page, taskList, false);
  await exportList(page, callId, title, false);
});
