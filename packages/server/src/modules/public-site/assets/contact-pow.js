/* Contact form spam brake (ES5, own origin, no dependencies). Finds a nonce so that
   SHA-256("<challenge>:<nonce>") starts with the number of zero bits the challenge names (about 65,000 hashes:
   roughly 0.1 s on a phone), in small slices so the page stays responsive, and puts it in the form. If the person
   sends before it is done, the form waits for it and then sends itself. Without this script the form still works;
   the server then allows fewer requests per network. */
(function () {
  var form = document.getElementById('contact-form');
  if (!form || !form.elements.challenge || !form.elements.nonce) return;
  var challenge = String(form.elements.challenge.value), bits = parseInt(challenge.split('.')[1], 10);
  if (!(bits >= 1 && bits <= 32)) return;
  var K = [0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2];
  var INITIAL = [0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19];
  var w = new Array(64);

  /* One SHA-256 block: `bytes` from `offset` (64 bytes) into a copy of `state`. */
  function compress(state, bytes, offset) {
    var i, a, b, c, d, e, f, g, h, s0, s1, t1, t2, x, y;
    for (i = 0; i < 16; i++) {
      w[i] = (bytes[offset + 4 * i] << 24) | (bytes[offset + 4 * i + 1] << 16) | (bytes[offset + 4 * i + 2] << 8) | bytes[offset + 4 * i + 3];
    }
    for (i = 16; i < 64; i++) {
      x = w[i - 15]; y = w[i - 2];
      s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
    }
    a = state[0]; b = state[1]; c = state[2]; d = state[3]; e = state[4]; f = state[5]; g = state[6]; h = state[7];
    for (i = 0; i < 64; i++) {
      s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i] + w[i]) | 0;
      s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      h = g; g = f; f = e; e = (d + t1) | 0; d = c; c = b; b = a; a = (t1 + t2) | 0;
    }
    return [(state[0] + a) | 0, (state[1] + b) | 0, (state[2] + c) | 0, (state[3] + d) | 0,
      (state[4] + e) | 0, (state[5] + f) | 0, (state[6] + g) | 0, (state[7] + h) | 0];
  }

  function ascii(text) {
    var out = [], i;
    for (i = 0; i < text.length; i++) out.push(text.charCodeAt(i) & 0xff);
    return out;
  }

  /* The challenge's whole 64-byte blocks are the same for every nonce: hash them once. */
  var prefix = ascii(challenge + ':'), whole = Math.floor(prefix.length / 64) * 64, midstate = INITIAL, i;
  for (i = 0; i < whole; i += 64) midstate = compress(midstate, prefix, i);
  var rest = prefix.slice(whole);

  /* First 32 bits of SHA-256(prefix + nonce). */
  function firstWord(nonce) {
    var bytes = rest.concat(ascii(String(nonce))), bitLength = (whole + bytes.length) * 8, state = midstate, j;
    bytes.push(0x80);
    while (bytes.length % 64 !== 56) bytes.push(0);
    bytes.push(0, 0, 0, 0, (bitLength >>> 24) & 0xff, (bitLength >>> 16) & 0xff, (bitLength >>> 8) & 0xff, bitLength & 0xff);
    for (j = 0; j < bytes.length; j += 64) state = compress(state, bytes, j);
    return state[0] >>> 0;
  }

  var shift = 32 - bits, nonce = 0, isSolved = false, isWaiting = false;
  function send() {
    HTMLFormElement.prototype.submit.call(form);
  }
  function work() {
    var end = nonce + 2000;
    for (; nonce < end; nonce++) {
      if ((firstWord(nonce) >>> shift) === 0) {
        form.elements.nonce.value = String(nonce);
        isSolved = true;
        if (isWaiting) send();
        return;
      }
    }
    setTimeout(work, 0);
  }
  form.addEventListener('submit', function (event) {
    if (isSolved) return;
    event.preventDefault();
    isWaiting = true;
    var status = document.getElementById('contact-form-status');
    if (status) status.textContent = form.getAttribute('data-waiting') || '';
  });
  setTimeout(work, 0);
})();
