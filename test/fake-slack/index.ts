export { FakeSlack, exampleWorkspace, BOT_SCOPES, type FakeSlackSeed, type RecordedCall, type FakeMessage, type FakeFile } from "./FakeSlack.js";
export { deliver, deliverEvent, deliverCommand, deliverButton, deliverShortcut, deliverViewSubmission, eventBody, retryHeaders, sign } from "./deliver.js";
export { Faults, type Fault, type ServedFault } from "./faults.js";
