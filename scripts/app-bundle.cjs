// dist/app.js from the page's modules (www/app/*.js): used by scripts/build-web.sh, tested by
// tests/node/app-bundle.test.mjs.
//
// The modules are classic-script fragments, one job each (see www/app/00-base.js). They are joined in file-name
// order inside one function, so that they share one scope without globals and load as one classic script, which
// also works from file:// (browsers refuse ES modules there) and lets the minifier shorten every name.
// A name declared at the top level of two modules would make the joined script fail to load: refused here,
// naming both files.
"use strict";

const fs = require("fs");
const path = require("path");

/** The names a module declares at its top level (unindented const, let, var, function, class). */
function topLevelNames(source) {
  const names = [];
  const re = /^(?:const|let|var|(?:async\s+)?function\*?|class)\s+([A-Za-z_$][\w$]*)/gm;
  for (let m; (m = re.exec(source)) !== null; ) names.push(m[1]);
  return names;
}

/** The source of app.js for the modules in `dir`; throws on no module or on a name declared twice. */
function bundle(dir) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith(".js")).sort();
  if (files.length === 0) throw new Error("no modules in " + dir);
  const owner = new Map();
  const parts = files.map((f) => {
    const source = fs.readFileSync(path.join(dir, f), "utf8");
    for (const name of topLevelNames(source)) {
      if (owner.has(name)) throw new Error(`${name} is declared in both ${owner.get(name)} and ${f}`);
      owner.set(name, f);
    }
    return "// ---- " + f + "\n" + source;
  });
  return '// The whosaid page, built from www/app/ by scripts/build-web.sh.\n"use strict";\n\n(() => {\n' + parts.join("\n") + "})();\n";
}

module.exports = { bundle, topLevelNames };
