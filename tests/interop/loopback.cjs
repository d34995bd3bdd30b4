// Preloaded (node --require) into the reference servers the tests start over HTTP. Those servers call
// app.listen(PORT) on every interface and print no usable address when PORT is 0; this keeps them on 127.0.0.1 and
// reports the port the system chose, on standard error, as "MCPFLEET_LISTENING <port>".
'use strict';
const net = require('node:net');

const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  const port = args[0];
  const numeric = typeof port === 'number' || (typeof port === 'string' && /^\d+$/.test(port));
  if (numeric && typeof args[1] !== 'string') {
    args.splice(1, 0, '127.0.0.1');
  }
  this.once('listening', () => {
    const address = this.address();
    if (address && typeof address === 'object') {
      process.stderr.write(`MCPFLEET_LISTENING ${address.port}\n`);
    }
  });
  return listen.apply(this, args);
};
