// Slack's HTTP mode on Steward's one HTTP server: POST /slack/events goes to Bolt's own receiver
// (HTTPReceiver.requestListener), which checks the signature (v0 HMAC-SHA256 of timestamp and body
// with SLACK_SIGNING_SECRET; older than 5 minutes is refused), answers url_verification, and
// acknowledges events, commands and button presses.
import type { HTTPReceiver } from "@slack/bolt";
import type { Route } from "../../http/index.js";

export const SLACK_EVENTS_PATH = "/slack/events";

export function slackEventsRoute(receiver: HTTPReceiver): Route {
  return {
    method: "POST",
    path: SLACK_EVENTS_PATH,
    // Bolt reads the body itself (raw, for the signature); the server's limit still applies to Content-Length.
    handle: (r, res) => {
      receiver.requestListener(r.req, res);
    },
  };
}
