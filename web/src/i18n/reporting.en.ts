import type { reportingNb } from "./reporting.ts";

export const reportingEn: Record<keyof typeof reportingNb, string> = {
  "answers.action.withdraw": "Withdrawn",
  "answers.withdraw": "Withdraw to draft",
  "answers.withdrawHelp":
    "The answer waits for approval. You can withdraw it to change it, as long as it is not approved or returned.",
  "answers.done.withdrawn": "The answer is withdrawn and is a draft again.",
  "answers.approveComment": "Comment on the approval (optional)",
  "answers.approveCommentHelp":
    "Shown to the person who wrote the answer, and in the history. At most 2000 characters.",
  "answers.approveCommentTooLong": "The comment can be at most 2000 characters ({count} now).",
  "answers.approval.heading": "Approved",
  "answers.approval.by": "Approved by {name}, {time}.",
  "answers.approval.comment": "Comment from the approver",

  "answers.next.nav": "Next answer",
  "answers.next.link": "Next answer: requirement {number}, {unit}",
  "answers.next.remaining": "{count} answers in the round wait for you.",
  "answers.next.none": "No other answers in the round wait for you.",
  "answers.next.toInbox": "To the inbox",

  "answers.previous.heading": "Previous answer: {period}",
  "answers.previous.none": "The unit has not answered this requirement in an earlier period.",
  "answers.previous.changed": "Last changed by {name}, {time}.",
  "answers.previous.open": "Open the answer from {period}",

  "inbox.overdueHeading": "Overdue ({count})",
  "inbox.overdueIntro": "Answers in the lists above that are past their deadline and not approved.",
  "inbox.overdueEmpty": "None of the answers waiting for you are overdue.",
  "inbox.column.daysLate": "Days late",
  "inbox.noWorkRolesStart":
    "You have no editor or approver role, so your inbox is empty. The overview shows the reporting in progress in your units, and the answers that are late.",
  "inbox.startLink": "Overview of your units, with every overdue answer",

  "start.nav": "Overview",
  "start.title": "Overview",
  "start.intro":
    "Status for {unit}: the scorecard for the latest period with data, reporting rounds in progress, and overdue answers.",
  "start.noUnit": "You have no role on a unit yet. Ask an administrator for access.",
  "start.scorecard.heading": "Scorecard",
  "start.scorecard.period": "{unit}, {period}",
  "start.scorecard.none": "The unit has no scorecard figures yet.",
  "start.scorecard.total": "{count} indicators",
  "start.scorecard.open": "Open the scorecard",
  "start.rounds.heading": "Reporting in progress",
  "start.rounds.none": "No reporting rounds are open.",
  "start.rounds.progress": "{approved} of {total} answers approved",
  "start.rounds.details": "{submitted} awaiting approval · {draft} drafts · {overdue} overdue",
  "start.rounds.deadline": "Deadline {date}",
  "start.overdue.summary": "Overdue answers",
  "start.toInbox": "Go to the inbox",
  "inbox.risk.heading": "Risk assessments ({count})",
  "inbox.risk.intro": "Goals to risk-assess in open rounds, per unit.",
  "inbox.risk.empty": "You have no risk assessments to write or approve.",
  "inbox.risk.column.round": "Document and period",
  "inbox.risk.column.unit": "Unit",
  "inbox.risk.column.toWrite": "To write",
  "inbox.risk.column.toApprove": "To approve",
  "inbox.risk.carried":
    "{count, plural, one {# carried forward, not reviewed} other {# carried forward, not reviewed}}",
  "inbox.risk.returned": "{count, plural, one {# returned} other {# returned}}",
  "inbox.risk.open": "Open the risk assessments",
};
