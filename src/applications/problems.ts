// A problem that stands between a draft and its submission, found by the eligibility check
// against the call's rules. Every step of the task list contributes its own pure check that
// returns these; the submission page lists them all, each linking to the place to fix it.

export interface ApplicationProblem {
  /** A catalogue key, e.g. "application.problem.tooFewLabourMarketPartners". */
  key: string;
  params?: Record<string, string | number>;
  /** Amounts in euro cents, shown as money in the reader's language (e.g. "€ 50.000"). */
  money?: Record<string, number>;
  /** Where to fix it, relative to the application: "sectie/motivatie#answers.q1", "consortium". */
  fixAt: string;
}
