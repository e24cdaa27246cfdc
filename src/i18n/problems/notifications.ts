// Notifications and the log of sent mail.

const nb = {
  notification_not_found: "Fant ikke varsel {id}.",
  mail_log_admins_only: "Bare systemadministratorer kan se sendt e-post.",
} as const;

const en: Record<keyof typeof nb, string> = {
  notification_not_found: "Notification {id} was not found.",
  mail_log_admins_only: "Only system administrators can see sent e-mail.",
};

export const notificationReasons = { nb, en };
