// Material's search, loaded only when someone searches.
//
// Material starts its search worker on every page load, and the worker loads lunr, the language
// files and the whole search index: about 22 KB that most visitors, on a phone and often
// upset, never use. Material talks to this worker instead. It says at once that search is ready,
// answers an empty query with no results, and on the first real query starts Material's own
// worker with the full index, then passes every query to it and every result back.
//
// overrides/hooks/search_per_language.py writes the small index Material fetches
// (search/search_index.json, no documents) with `on_demand`: where Material's worker and the
// full index are, relative to this file.

const SETUP = 0; // Material's SearchMessageType, in its order
const READY = 1;
const QUERY = 2;
const RESULT = 3;

let setup = null;
let engine = null; // a Promise of Material's worker, once the first query has come

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    setup = message.data;
    postMessage({ type: READY });
  } else if (message.type === QUERY) {
    if (!engine && !message.data.trim()) {
      postMessage({ type: RESULT, data: { items: [] } });
      return;
    }
    engine ??= start();
    engine.then(
      (worker) => worker.postMessage(message),
      () => {
        engine = null; // offline for a moment, say: the next query tries again
        postMessage({ type: RESULT, data: { items: [] } });
      },
    );
  }
});

async function start() {
  const { worker: workerUrl, index: indexUrl } = setup.config.on_demand;
  const response = await fetch(new URL(indexUrl, location.href));
  if (!response.ok) throw new Error(`search index: ${response.status}`);
  const { config, docs } = await response.json();
  const worker = new Worker(new URL(workerUrl, location.href));
  return new Promise((resolve) => {
    worker.addEventListener("message", ({ data }) => {
      if (data.type === READY) resolve(worker);
      else postMessage(data);
    });
    worker.postMessage({ type: SETUP, data: { config, docs, options: setup.options } });
  });
}
