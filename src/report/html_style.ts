// report.html's style sheet. Target faults have their own colour (purple), apart from failed
// requirements (red); print expands every transcript.
export const STYLE = `body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;color:#1d1d1f;padding:0 1rem}
h1{font-size:1.5rem;margin:0 0 .5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}h3{font-size:1rem;margin:1.2rem 0 .3rem}
table{border-collapse:collapse;width:100%}td,th{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #eee;vertical-align:top}
.banner{padding:1rem 1.2rem;border-radius:.4rem;color:#fff;margin:.5rem 0 1rem}.banner b{font-size:1.4rem;display:block}
.v,.pill{display:inline-block;border-radius:.25rem;color:#fff;font-weight:600}.pill{font-size:.8rem;padding:.05rem .45rem}
.CERTIFIED,.passed{background:#1e7d32}.CERTIFIED_WITH_WARNINGS,.inconclusive,.warning{background:#b26a00}
.NOT_CERTIFIED,.failed,.FAILED{background:#b3261e}.ERROR,.error,.target-fault{background:#6a1b9a}
.harness-error,.UNDEFINED,.AMBIGUOUS,.PENDING,.UNKNOWN{background:#37474f}
.INCOMPLETE,.untested,.skipped,.SKIPPED,.not-claimed,.not-applicable,.not-run,.not-judged{background:#6b6b6b}.PASSED{background:#1e7d32}
.expected-fail{background:#8d6e63}.unexpected-pass{background:#c2185b}
.failure{border-left:4px solid #b3261e;padding:.4rem .8rem;background:#fdf3f2;margin:.5rem 0}
.fault{border-left-color:#6a1b9a;background:#f6f0fa}.harness{border-left-color:#37474f;background:#f1f3f4}
pre{background:#f6f8fa;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap;word-break:break-all;margin:.3rem 0}
details{margin:.4rem 0}summary{cursor:pointer}.muted{color:#666}.failing{font-weight:600}
code{background:#f6f8fa;padding:0 .2rem}
@media print{body{max-width:none;margin:0}details::details-content{content-visibility:visible;display:block}
details>*{display:block}pre{max-height:none;overflow:visible}summary{list-style:none}}`;
