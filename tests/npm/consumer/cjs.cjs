// The package from CommonJS: require("whosaid") is whosaid.cjs.
const assert = require("node:assert/strict");
const { check } = require("./checks.cjs");

assert.match(require.resolve("whosaid"), /[\\/]whosaid[\\/]whosaid\.cjs$/);
check(require("whosaid"), require("whosaid/package.json").version).then(
  () => console.log("cjs: ok"),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
