// A real SMTP server for the notification tests (smtp-server), keeping every mail it receives
// parsed (mailparser): the tests read the subjects, texts and links that people would get.

import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string; subject: string; text: string };

export async function startSmtpServer() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail: ParsedMail) => {
          const to = [mail.to ?? []].flat().flatMap((address) => address.value.map((v) => v.address ?? ""));
          received.push({ to: to.join(","), subject: mail.subject ?? "", text: mail.text ?? "" });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    to: (address: string) => received.filter((mail) => mail.to === address),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Waits until `condition` holds; the test's own time limit ends a wait that never does. */
export async function eventually(condition: () => boolean | Promise<boolean>, pauseMs = 50) {
  while (!(await condition())) await new Promise((resolve) => setTimeout(resolve, pauseMs));
}
