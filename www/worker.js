// The analysis worker when the page is served over http(s): same-origin classic worker.
"use strict";
importScripts("engine.js");
whosaidWorker(self); // eslint-disable-line no-undef
