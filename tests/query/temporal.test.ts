/**
 * openCypher temporal values in the console: constructors from strings and
 * maps, accessors, arithmetic, comparison and sort order, truncation,
 * durations between values, errors for input that is no temporal value, and
 * Parley's relationship dates (firstSeen/lastSeen) compared as dates while
 * JSON output keeps their 'YYYY-MM-DD' strings. Results are compared in the
 * JSON form the API sends: temporal values as their openCypher strings.
 */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { createQueryEngine, QueryError } from "../../src/query/index.ts";

const engine = createQueryEngine(new MultiDirectedGraph());
const value = async (expr: string) => (await engine.run(`RETURN ${expr} AS v`)).rows[0][0];
const failure = async (q: string) => (await engine.run(q).catch((e: unknown) => e)) as QueryError;

describe("constructors", () => {
  it.each<[string, string]>([
    ["date('2015-07-21')", "2015-07-21"],
    ["date('20150721')", "2015-07-21"],
    ["date('2015-W30-2')", "2015-07-21"],
    ["date('2015-202')", "2015-07-21"],
    ["date('2015-07')", "2015-07-01"],
    ["date('+10000-01-01')", "+10000-01-01"],
    ["localtime('12:31:14.645876123')", "12:31:14.645876123"],
    ["localtime('123114')", "12:31:14"],
    ["time('12:31:14.645876+0100')", "12:31:14.645876+01:00"],
    ["time('09:30')", "09:30Z"],
    ["localdatetime('2015-07-21T21:40:32.142')", "2015-07-21T21:40:32.142"],
    ["datetime('2015-07-21T21:40:32.142+01:00')", "2015-07-21T21:40:32.142+01:00"],
    ["datetime('2015-07-21T21:40[Europe/Stockholm]')", "2015-07-21T21:40+02:00[Europe/Stockholm]"],
    ["datetime('2015-01-21T21:40[Europe/Stockholm]')", "2015-01-21T21:40+01:00[Europe/Stockholm]"],
    ["duration('P1Y2M10DT12H45M30.25S')", "P1Y2M10DT12H45M30.25S"],
    ["duration('P2W')", "P14D"],
    ["duration('-PT1.5S')", "PT-1.5S"],
    ["duration('P0001-02-10T12:45:30')", "P1Y2M10DT12H45M30S"],
  ])("%s from a string is %s", async (expr, expected) => {
    expect(await value(expr)).toBe(expected);
  });

  it.each<[string, string]>([
    ["date({year: 1984, month: 10, day: 11})", "1984-10-11"],
    ["date({year: 1984, week: 10, dayOfWeek: 3})", "1984-03-07"],
    ["date({year: 1984, quarter: 3, dayOfQuarter: 45})", "1984-08-14"],
    ["date({year: 1984, ordinalDay: 202})", "1984-07-20"],
    // Selecting from another value keeps what the map does not set.
    ["date({date: date('1984-11-11'), day: 5})", "1984-11-05"],
    ["date({date: date('1984-11-11'), week: 1})", "1984-01-08"],
    ["localtime({hour: 12, minute: 31, second: 14, millisecond: 123, microsecond: 456, nanosecond: 789})", "12:31:14.123456789"],
    ["time({hour: 12, minute: 31, timezone: '+01:00'})", "12:31+01:00"],
    ["time({time: time('12:00+01:00'), timezone: '+05:00'})", "16:00+05:00"],
    ["localdatetime({date: date('1984-10-11'), time: localtime('10:10')})", "1984-10-11T10:10"],
    ["datetime({year: 1984, month: 7, day: 20, hour: 12, timezone: 'Europe/Stockholm'})", "1984-07-20T12:00+02:00[Europe/Stockholm]"],
    ["datetime({datetime: datetime('1984-10-11T12:00+01:00'), timezone: 'Pacific/Honolulu'})", "1984-10-11T01:00-10:00[Pacific/Honolulu]"],
    ["datetime.fromepoch(416779, 999999999)", "1970-01-05T19:46:19.999999999Z"],
    ["datetime.fromepochmillis(237821673987)", "1977-07-15T13:34:33.987Z"],
    ["duration({days: 14, hours: 16, minutes: 12})", "P14DT16H12M"],
    ["duration({days: 1.5})", "P1DT12H"],
    ["duration({months: 0.75})", "P22DT19H51M49.5S"],
    ["duration({seconds: -60, milliseconds: -1})", "PT-1M-0.001S"],
  ])("%s from a map is %s", async (expr, expected) => {
    expect(await value(expr)).toBe(expected);
  });

  it("converts between kinds by passing a value", async () => {
    const row = (await engine.run("WITH datetime('2015-07-21T21:40:32+01:00') AS d RETURN date(d), localtime(d), time(d), localdatetime(d)")).rows[0];
    expect(row).toEqual(["2015-07-21", "21:40:32", "21:40:32+01:00", "2015-07-21T21:40:32"]);
  });

  it("reads one clock for the whole statement", async () => {
    expect((await engine.run("RETURN datetime() = datetime(), date() = date.statement(), localtime() = localtime()")).rows[0]).toEqual([true, true, true]);
  });

  it("gives null for null, as every function does", async () => {
    expect((await engine.run("RETURN date(null), duration(null), date.truncate('day', null), duration.between(null, date())")).rows[0]).toEqual([null, null, null, null]);
  });
});

describe("accessors", () => {
  it.each<[string, unknown[]]>([
    ["WITH date('1984-10-11') AS d RETURN d.year, d.quarter, d.month, d.week, d.weekYear, d.day, d.ordinalDay, d.dayOfWeek, d.dayOfQuarter", [1984, 4, 10, 41, 1984, 11, 285, 4, 11]],
    ["WITH date('1984-01-01') AS d RETURN d.weekYear, d.week, d.weekDay", [1983, 52, 7]],
    ["WITH localtime('12:31:14.645876123') AS t RETURN t.hour, t.minute, t.second, t.millisecond, t.microsecond, t.nanosecond", [12, 31, 14, 645, 645876, 645876123]],
    [
      "WITH datetime('1984-11-11T12:31:14.645+01:00[Europe/Stockholm]') AS d RETURN d.timezone, d.offset, d.offsetMinutes, d.offsetSeconds, d.epochSeconds, d.epochMillis",
      ["Europe/Stockholm", "+01:00", 60, 3600, 469020674, 469020674645],
    ],
    ["WITH time('12:00-02:30') AS t RETURN t.timezone, t.offsetMinutes", ["-02:30", -150]],
    [
      "WITH duration({years: 1, months: 4, days: 10, hours: 1, minutes: 1, seconds: 1, nanoseconds: 111111111}) AS d RETURN d.years, d.months, d.weeks, d.days, d.hours, d.minutes, d.seconds, d.minutesOfHour, d.monthsOfYear, d.nanosecondsOfSecond",
      [1, 16, 1, 10, 1, 61, 3661, 1, 4, 111111111],
    ],
  ])("%s", async (q, expected) => {
    expect((await engine.run(q)).rows[0]).toEqual(expected);
  });
});

describe("arithmetic", () => {
  it.each<[string, string]>([
    ["date('2024-01-31') + duration('P1M')", "2024-02-29"],
    ["duration('P1Y') + date('2000-02-29')", "2001-02-28"],
    ["date('2015-07-21') - duration('P1DT23H')", "2015-07-20"],
    ["localtime('23:30') + duration('PT1H')", "00:30"],
    ["time('12:00+01:00') - duration('PT13H')", "23:00+01:00"],
    ["localdatetime('2015-07-21T23:00') + duration('PT2H30M')", "2015-07-22T01:30"],
    // A day on the local clock, but 24 hours on the instant: 31 March 2024 had 23 hours in Stockholm.
    ["datetime('2024-03-30T12:00[Europe/Stockholm]') + duration('P1D')", "2024-03-31T12:00+02:00[Europe/Stockholm]"],
    ["datetime('2024-03-30T12:00[Europe/Stockholm]') + duration('PT24H')", "2024-03-31T13:00+02:00[Europe/Stockholm]"],
    ["duration('P1D') + duration('PT12H')", "P1DT12H"],
    ["duration('PT1H') - duration('PT90M')", "PT-30M"],
    ["duration('PT1H') * 2.5", "PT2H30M"],
    ["2 * duration('P1M')", "P2M"],
    ["duration('P1M') / 2", "P15DT5H14M33S"],
  ])("%s = %s", async (expr, expected) => {
    expect(await value(expr)).toBe(expected);
  });

  it("sums and averages durations", async () => {
    expect((await engine.run("UNWIND [duration('P1D'), duration('PT1H')] AS d RETURN sum(d), avg(d)")).rows[0]).toEqual(["P1DT1H", "PT12H30M"]);
  });

  it.each(["date('2015-07-21') + 1", "date('2015-07-21') - date('2015-07-20')", "duration('P1D') * date('2015-07-21')"])("refuses %s as a type error", async (expr) => {
    expect((await failure(`RETURN ${expr}`)).cypher).toEqual({ class: "TypeError", detail: "InvalidArgumentType" });
  });
});

describe("comparison, equality and order", () => {
  it.each<[string, unknown]>([
    ["date('2015-07-21') < date('2015-07-22')", true],
    ["localtime('12:00') >= localtime('12:00:00.000000001')", false],
    ["time('12:00+01:00') = time('11:00Z')", true],
    ["datetime('2015-07-21T21:40+02:00') < datetime('2015-07-21T20:00Z')", true],
    ["datetime('2015-07-21T21:40+02:00[Europe/Stockholm]') = datetime('2015-07-21T19:40Z')", true],
    ["localdatetime('2015-07-21T10:00') > localdatetime('2015-07-20T23:00')", true],
    // Different kinds do not compare; durations never do, and are equal only component by component.
    ["date('2015-07-21') < localdatetime('2015-07-21T00:00')", null],
    ["date('2015-07-21') = localdatetime('2015-07-21T00:00')", false],
    ["duration('P1D') < duration('P2D')", null],
    ["duration('P1D') = duration('PT24H')", false],
    ["duration('PT90M') = duration('PT1H30M')", true],
    ["date('2015-07-21') = '2015-07-21'", false],
    ["date('2015-07-21') IN [date('2015-07-20'), date('2015-07-21')]", true],
  ])("%s is %s", async (expr, expected) => {
    expect(await value(expr)).toBe(expected);
  });

  it("sorts by time, and kinds among the other types as openCypher's global order says", async () => {
    expect((await engine.run("UNWIND [date('2020-01-02'), date('2019-12-31'), date('2020-01-01')] AS d RETURN d ORDER BY d")).rows.flat()).toEqual(["2019-12-31", "2020-01-01", "2020-01-02"]);
    const mixed = await engine.run("UNWIND [1, 'a', duration('P1D'), localtime('10:00'), date('2020-01-01'), datetime('2020-01-01T00:00Z')] AS x RETURN x ORDER BY x");
    expect(mixed.rows.flat()).toEqual(["2020-01-01T00:00Z", "2020-01-01", "10:00", "P1D", "a", 1]);
  });

  it("groups equal instants as one key", async () => {
    const q = "UNWIND [time('12:00+01:00'), time('11:00Z'), time('12:00Z')] AS t RETURN count(DISTINCT t) AS n";
    expect((await engine.run(q)).rows).toEqual([[2]]);
  });
});

describe("truncation", () => {
  it.each<[string, string]>([
    ["date.truncate('month', date('2015-07-21'))", "2015-07-01"],
    ["date.truncate('millennium', date('2015-07-21'))", "2000-01-01"],
    ["date.truncate('weekYear', date('2015-07-21'))", "2014-12-29"],
    ["date.truncate('week', datetime('2015-07-23T10:00Z'), {dayOfWeek: 5})", "2015-07-24"],
    ["datetime.truncate('hour', datetime('2015-07-21T21:40:32.142+01:00'))", "2015-07-21T21:00+01:00"],
    ["datetime.truncate('day', localdatetime('2015-07-21T21:40'), {timezone: 'Europe/Stockholm'})", "2015-07-21T00:00+02:00[Europe/Stockholm]"],
    ["localtime.truncate('minute', localtime('12:31:14.645'))", "12:31"],
    ["time.truncate('millisecond', time('12:31:14.645876+01:00'), {nanosecond: 2})", "12:31:14.645000002+01:00"],
  ])("%s is %s", async (expr, expected) => {
    expect(await value(expr)).toBe(expected);
  });
});

describe("durations between values", () => {
  it.each<[string, string]>([
    ["duration.between(date('1984-10-11'), date('2015-06-24'))", "P30Y8M13D"],
    ["duration.between(localdatetime('2015-07-21T21:40:32.142'), date('2015-06-24'))", "P-27DT-21H-40M-32.142S"],
    ["duration.between(localtime('12:00'), localtime('13:30:15'))", "PT1H30M15S"],
    ["duration.between(time('14:30'), time('16:30+01:00'))", "PT1H"],
    ["duration.inMonths(date('2018-03-11'), date('2016-06-24'))", "P-1Y-8M"],
    ["duration.inDays(date('2015-01-01'), date('2016-01-01'))", "P365D"],
    ["duration.inSeconds(localtime('12:34:54.7'), localtime('12:34:54.3'))", "PT-0.4S"],
    // Across the change to summer time: a calendar day of 23 hours.
    ["duration.inSeconds(datetime('2024-03-31T00:00[Europe/Stockholm]'), datetime('2024-04-01T00:00[Europe/Stockholm]'))", "PT23H"],
    ["duration.between(datetime('2024-03-31T00:00[Europe/Stockholm]'), datetime('2024-04-01T00:00[Europe/Stockholm]'))", "P1D"],
  ])("%s is %s", async (expr, expected) => {
    expect(await value(expr)).toBe(expected);
  });
});

describe("errors", () => {
  it.each<[string, RegExp]>([
    ["date('yesterday')", /date\(\): cannot read "yesterday" as a date/],
    ["date('2015-13-01')", /month or day out of range/],
    ["localtime('25:00')", /hour, minute or second out of range/],
    ["localtime('12:00+01:00')", /a local value takes no time zone/],
    ["duration('P1Q')", /cannot read "P1Q" as a duration/],
    ["duration('PT')", /cannot read "PT" as a duration/],
    ["date({year: 2015, month: 2, day: 30})", /day must be between 1 and 28, got 30/],
    ["date({month: 2})", /needs year/],
    ["date({year: 2015, hour: 1})", /unknown field hour/],
    ["datetime({year: 2015, timezone: 'Mars/Olympus'})", /unknown time zone "Mars\/Olympus"/],
    ["date.truncate('fortnight', date('2015-07-21'))", /unknown unit "fortnight"/],
    ["date.truncate('hour', date('2015-07-21'))", /a date cannot be truncated to a hour/],
    ["date('2015-07-21').hour", /a date has no component hour/],
  ])("%s fails: %s", async (expr, message) => {
    const err = await failure(`RETURN ${expr}`);
    expect(err).toBeInstanceOf(QueryError);
    expect(err.message).toMatch(message);
    expect(err.cypher).toEqual({ class: "ArgumentError", detail: "InvalidArgumentValue" });
  });

  it.each<[string, string]>([
    ["RETURN date.truncate('day')", "InvalidNumberOfArguments"],
    ["RETURN date.nope()", "UnknownFunction"],
  ])("%s is refused before it runs (%s)", async (q, detail) => {
    expect((await failure(q)).cypher).toEqual({ class: "SyntaxError", detail });
  });

  it("keeps d.year a property read and date.truncate(…) a call", async () => {
    expect((await engine.run("WITH {date: 1} AS date RETURN date.date, date.truncate('year', date('2015-07-21'))")).rows[0]).toEqual([1, "2015-01-01"]);
  });
});

describe("Parley's relationship dates", () => {
  function datedGraph() {
    const g = new MultiDirectedGraph();
    for (const key of ["rubio", "putin", "lavrov"]) g.addNode(key, { label: key, type: "actor" });
    const edge = (key: string, s: string, t: string, firstSeen: string | null, lastSeen: string | null) =>
      g.addDirectedEdgeWithKey(key, s, t, { type: "rejected", label: key, weight: 1, evidence: [], firstSeen, lastSeen });
    edge("early", "rubio", "putin", "2025-02-11", "2025-03-12");
    edge("march", "putin", "lavrov", "2025-03-05", "2025-03-20");
    edge("undated", "rubio", "lavrov", null, null);
    edge("odd", "lavrov", "rubio", "", "soon");
    return g;
  }

  it("compares firstSeen and lastSeen as dates", async () => {
    const parley = createQueryEngine(datedGraph());
    const r = await parley.run("MATCH ()-[r]->() WHERE r.firstSeen >= date('2025-03-01') RETURN r.label AS edge");
    expect(r.rows).toEqual([["march"]]);
    const spans = await parley.run("MATCH ()-[r]->() WHERE r.lastSeen IS NOT NULL AND r.lastSeen > date('2025-01-01') RETURN r.label, r.firstSeen.month, duration.inDays(r.firstSeen, r.lastSeen) AS days ORDER BY r.firstSeen");
    expect(spans.rows).toEqual([["early", 2, "P29D"], ["march", 3, "P15D"]]);
  });

  it("writes them out as the same 'YYYY-MM-DD' strings, and leaves other values alone", async () => {
    const parley = createQueryEngine(datedGraph());
    const r = await parley.run("MATCH ()-[r]->() RETURN r, r.firstSeen AS first ORDER BY r.label");
    const out = r.rows.map(([rel, first]) => [(rel as { properties: Record<string, unknown> }).properties, first]);
    expect(out).toEqual([
      [{ label: "early", weight: 1, evidence: [], firstSeen: "2025-02-11", lastSeen: "2025-03-12" }, "2025-02-11"],
      [{ label: "march", weight: 1, evidence: [], firstSeen: "2025-03-05", lastSeen: "2025-03-20" }, "2025-03-05"],
      [{ label: "odd", weight: 1, evidence: [], firstSeen: "", lastSeen: "soon" }, ""],
      [{ label: "undated", weight: 1, evidence: [], firstSeen: null, lastSeen: null }, null],
    ]);
  });

  it("keeps stored strings as strings in graphs that are not Parley's", async () => {
    const stored = createQueryEngine(datedGraph(), {}, { properties: "stored" });
    expect((await stored.run("MATCH ()-[r]->() WHERE r.firstSeen >= date('2025-03-01') RETURN r")).rows).toEqual([]);
    expect((await stored.run("MATCH ()-[r]->() WHERE r.firstSeen = '2025-03-05' RETURN r.label")).rows).toEqual([["march"]]);
  });
});
