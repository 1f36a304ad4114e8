// The digest's chart: daily active members and messages over the last weeks, as a PNG made
// without a browser (vega-lite spec → vega SVG → resvg PNG). Two panels sharing the date axis,
// since messages are usually an order of magnitude above active members.
import { compile, type TopLevelSpec } from "vega-lite";
import { parse, View } from "vega";
import { Resvg } from "@resvg/resvg-js";

export interface ChartDay {
  /** Local day, YYYY-MM-DD. */
  day: string;
  activeMembers: number;
  messages: number;
}

export interface Chart {
  svg: string;
  png: Buffer;
}

const WIDTH = 640;

export function chartSpec(days: readonly ChartDay[], title: string): TopLevelSpec {
  const panel = (field: keyof ChartDay, label: string, color: string) => ({
    width: WIDTH,
    height: 120,
    mark: { type: "area" as const, line: { color }, color, opacity: 0.35, interpolate: "monotone" as const },
    encoding: {
      // Days are calendar dates: read and labelled as UTC, whatever the server's time zone.
      x: { field: "day", timeUnit: "utcyearmonthdate" as const, type: "temporal" as const, title: null, axis: { format: "%d %b", tickCount: 8 } },
      y: { field, type: "quantitative" as const, title: label, axis: { tickCount: 4 } },
    },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: { text: title, anchor: "start", fontSize: 14 },
    data: { values: days.map((d) => ({ ...d })) },
    config: { font: "DejaVu Sans, Noto Sans, sans-serif", background: "white", view: { stroke: null } },
    vconcat: [panel("activeMembers", "Active members", "#2f6fdf"), panel("messages", "Messages", "#e07b00")],
  };
}

/** Renders the chart; labels need a system font (DejaVu Sans on Debian: fonts-dejavu-core). */
export async function renderChart(days: readonly ChartDay[], title: string): Promise<Chart> {
  const vega = compile(chartSpec(days, title)).spec;
  const view = new View(parse(vega), { renderer: "none" });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, { background: "white", fitTo: { mode: "zoom", value: 1.5 }, font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans" } }).render().asPng();
    return { svg, png };
  } finally {
    view.finalize();
  }
}
