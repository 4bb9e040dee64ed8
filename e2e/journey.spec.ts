import { test } from "./fixtures";
import {
  buildConsortium,
  checkAndSubmit,
  completePlanBudgetAttachments,
  exportList,
  publishCall,
  startAndAnswer,
} from "./journey-steps";

// The whole journey of issue 3 in one test, with JavaScript: a programme manager publishes a
// call; a coordinator answers it, builds a consortium with two partners who confirm through their
// mailed links, adds plan, budget and a letter of commitment, submits and downloads the PDF; the
// manager sees it submitted and downloads the list. Axe on the pages this journey adds.

test("from a published call to a submitted application in the manager's export", async ({
  page,
  browser,
}) => {
  test.setTimeout(300_000);
  const stamp = Date.now();
  const callTitle = `E2E-reis oproep ${stamp}`;
  const title = `E2E-reis aanvraag ${stamp}`;
  const callId = await publishCall(page, callTitle, true);
  const taskList = await startAndAnswer(page, callTitle, title);
  await buildConsortium(page, browser, taskList, stamp, true);
  await completePlanBudgetAttachments(page, taskList);
  await checkAndSubmit(page, taskList, true);
  await exportList(page, callId, title, true);
});
