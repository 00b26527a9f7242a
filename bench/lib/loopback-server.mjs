// The request benchmark's server: node:http on 127.0.0.1, a small JSON body for every request.
// Run as a child of the benchmark (fork); it tells the parent its port and stops by itself when
// the parent disconnects, after a minute without requests, or at the latest after 30 minutes.
import http from 'node:http';

const BODY = JSON.stringify({ id: 1, login: 'octocat', name: 'The Octocat', public_repos: 8, site_admin: false });
let idle;
const stop = () => process.exit(0);
const resetIdle = () => {
  clearTimeout(idle);
  idle = setTimeout(stop, 60_000);
};

const server = http.createServer((req, res) => {
  resetIdle();
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(BODY) });
    res.end(BODY);
  });
});
server.keepAliveTimeout = 10_000;
server.listen(0, '127.0.0.1', () => {
  resetIdle();
  process.send?.({ port: server.address().port, body: BODY });
});
process.on('disconnect', stop);
setTimeout(stop, 30 * 60_000).unref();
