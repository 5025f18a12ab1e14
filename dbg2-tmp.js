const path = require('path');
const b = require('./scripts/bench-browser.js');
const { launch } = require('./e2e/support');
(async () => {
  const browser = await launch();
  const srv = await b.serveCompressed(path.resolve('dist-s3'));
  for (const url of [srv.url, srv.url + '#/card']) {
    const paths = await b.firstVisitPaths(browser, url);
    console.log(url, paths.length, paths.filter((p) => /xlsx|split_unit/.test(p)));
  }
  await browser.close();
})();
