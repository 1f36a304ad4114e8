// Insights' public API: KPIs over any range of local days, daily series, unanswered questions,
// periods. The digest, the monthly report and `steward kpi` build on these.
export { computeKpis, kpiGroups, type KpiRequest, type Kpis, type Contributor, type ModerationKpis, type TestimonialKpis, type LinkKpi } from "./kpis/index.js";
export { dailySeries, type DayFigures } from "./series.js";
export { unansweredQuestions, type UnansweredQuestion } from "./unanswered.js";
export { listCommunities, findCommunity, UnknownCommunityError, type InsightsCommunity } from "./community.js";
export * from "./period.js";
export { isQuestion } from "./questions.js";
