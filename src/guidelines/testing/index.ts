// Rule tests (`rules/<name>.tests.yaml`): format, runner, output.
export { contextInputs, messageContextSchema, TEST_CLOCK_START, type MessageContext, type MessageContextInput } from "./context.js";
export { parseRuleTests, ruleTestsFileSchema, type ParsedRuleTests, type RuleTestCase } from "./tests-file.js";
export { rulesTest, runRuleTests, scopeOf, unknownRuleIssues, type RuleTestResult, type RulesTestReport } from "./runner.js";
export { formatTestReport, formatTestResult } from "./format.js";
