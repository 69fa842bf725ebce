// The portal's browser verifier: replays a public draw from its public package with SHA-256 (its own
// synchronous implementation for DRAW-1's short inputs, WebCrypto for the rest): DRAW-1 §1-§3,
// the pool hash, the commit, the seed, the ledger record hashes; and checks the
// inclusion of the draw's records in the transparency log against its latest signed checkpoint.
// audit/replay_draw1.py and audit/check_log.py are the reference; this file must agree with them.
'use strict';
(function () {
  const subtle = crypto.subtle;
  const utf8 = new TextEncoder();
  const HEX = Array.from({length: 256}, (_, i) => i.toString(16).padStart(2, '0'));

  function hex(buffer) {
    const b = new Uint8Array(buffer);
    let s = '';
    for (let i = 0; i < b.length; i++) {
      s += HEX[b[i]];
    }
    return s;
  }

  function sha256(bytes) {
    return subtle.digest('SHA-256', bytes).then((d) => new Uint8Array(d));
  }

  async function sha256Hex(text) {
    return hex(await subtle.digest('SHA-256', utf8.encode(text)));
  }

  function fromBase64(text) {
    const s = atob(text);
    const out = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) {
      out[i] = s.charCodeAt(i);
    }
    return out;
  }

  function sameBytes(a, b) {
    if (a.length !== b.length) {
      return false;
    }
    for (let i = 0; i < a.length; i++) {
      if (a[i] !== b[i]) {
        return false;
      }
    }
    return true;
  }

  function concat(...parts) {
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }

  // Plain code-unit comparison: codes, USCCs, specialties and tickets are ASCII, so this is byte order.
  function byteOrder(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  // A synchronous SHA-256 (FIPS 180-4) for the many short inputs of §1 and §3: one WebCrypto promise per
  // hash costs far more than the hash itself. Long inputs (the snapshot, the records) still use WebCrypto.
  const K = Int32Array.of(
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2);
  const IV = Int32Array.of(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19);
  const W = new Int32Array(64);
  const BLOCK = new Uint8Array(128);
  let scratch = new Uint8Array(1024);

  function compress(h, b, at) {
    for (let i = 0; i < 16; i++, at += 4) {
      W[i] = (b[at] << 24) | (b[at + 1] << 16) | (b[at + 2] << 8) | b[at + 3];
    }
    for (let i = 16; i < 64; i++) {
      const x = W[i - 15];
      const y = W[i - 2];
      const s0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const s1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      W[i] = (W[i - 16] + s0 + W[i - 7] + s1) | 0;
    }
    let a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (let i = 0; i < 64; i++) {
      const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + S1 + ((e & f) ^ (~e & g)) + K[i] + W[i]) | 0;
      const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (S0 + ((a & bb) ^ (a & c) ^ (bb & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = bb;
      bb = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0] + a) | 0;
    h[1] = (h[1] + bb) | 0;
    h[2] = (h[2] + c) | 0;
    h[3] = (h[3] + d) | 0;
    h[4] = (h[4] + e) | 0;
    h[5] = (h[5] + f) | 0;
    h[6] = (h[6] + g) | 0;
    h[7] = (h[7] + hh) | 0;
  }

  // The UTF-8 bytes of text into the scratch buffer (no allocation for the usual ASCII); their count.
  function toScratch(text) {
    const n = text.length;
    if (scratch.length < 3 * n) {
      scratch = new Uint8Array(3 * n + 64);
    }
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        return utf8.encodeInto(text, scratch).written;
      }
      scratch[i] = c;
    }
    return n;
  }

  // out = SHA-256 of prefixLength bytes already compressed into state (a multiple of 64), then UTF-8(text).
  function sha256Text(state, prefixLength, text, out) {
    const length = toScratch(text);
    out.set(state);
    let at = 0;
    for (; at + 64 <= length; at += 64) {
      compress(out, scratch, at);
    }
    const rest = length - at;
    BLOCK.fill(0);
    BLOCK.set(scratch.subarray(at, length), 0);
    BLOCK[rest] = 0x80;
    const end = rest + 9 <= 64 ? 64 : 128;
    const bits = (prefixLength + length) * 8;
    BLOCK[end - 5] = Math.floor(bits / 0x100000000) & 0xff;
    BLOCK[end - 4] = (bits >>> 24) & 0xff;
    BLOCK[end - 3] = (bits >>> 16) & 0xff;
    BLOCK[end - 2] = (bits >>> 8) & 0xff;
    BLOCK[end - 1] = bits & 0xff;
    compress(out, BLOCK, 0);
    if (end === 128) {
      compress(out, BLOCK, 64);
    }
    return out;
  }

  function wordsHex(h) {
    let s = '';
    for (let i = 0; i < 8; i++) {
      s += (h[i] >>> 0).toString(16).padStart(8, '0');
    }
    return s;
  }

  // The state after the one block hex(SHA-256(S)) (64 ASCII bytes) that begins every ticket's input.
  function ticketPrefix(seed) {
    const prefix = Int32Array.from(IV);
    const h = wordsHex(sha256Text(IV, 0, seed, new Int32Array(8)));
    for (let i = 0; i < 64; i++) {
      BLOCK[i] = h.charCodeAt(i);
    }
    compress(prefix, BLOCK, 0);
    return prefix;
  }

  // REV4[x]: the four decimal digits of x (0..9999), least significant first; REVN[x] the same as a number
  const REV4 = Array.from({length: 10000}, (_, x) => String(x).padStart(4, '0').split('').reverse().join(''));
  const REVN = Int32Array.from(REV4, (t) => +t);
  const LIMBS = new Int32Array(16);

  function toLimbs(h, at) {
    for (let i = 0; i < 8; i++) {
      LIMBS[2 * i] = h[at + i] >>> 16;
      LIMBS[2 * i + 1] = h[at + i] & 0xffff;
    }
  }

  // LIMBS /= 10000 from limb top on; the remainder
  function divide(top) {
    let rem = 0;
    for (let i = top; i < 16; i++) {
      const cur = rem * 65536 + LIMBS[i]; // below 10000 × 65536 < 2^31
      const q = (cur / 10000) | 0;
      LIMBS[i] = q;
      rem = cur - q * 10000;
    }
    return rem;
  }

  // The decimal digits of the 256-bit integer at h[at..at+7] (big-endian words), least significant first,
  // padded with "0" to 64: DRAW-1 §1's "d reversed", without building the integer.
  function reversedDecimal(h, at) {
    toLimbs(h, at);
    let top = 0;
    while (top < 16 && LIMBS[top] === 0) {
      top++;
    }
    let out = '';
    while (top < 16) {
      out += REV4[divide(top)];
      while (top < 16 && LIMBS[top] === 0) {
        top++;
      }
    }
    // the last group's leading zeros are not digits of the number; §1 pads to 64 instead
    let end = out.length;
    while (end > 0 && out.charCodeAt(end - 1) === 48) {
      end--;
    }
    return end >= 64 ? out.substring(0, end) : out.substring(0, end).padEnd(64, '0');
  }

  // The first 10 digits of the reversed decimal as a number: tickets order as these keys do, and equal keys
  // as their full tickets do (every ticket has at least 64 digits after "0.").
  function ticketKey(h, at) {
    toLimbs(h, at);
    const g0 = divide(0);
    const g1 = divide(0);
    return REVN[g0] * 1e6 + REVN[g1] * 100 + Math.floor(REVN[divide(0)] / 100);
  }

  // h mod n, for the 256-bit h (8 big-endian words) and 1 <= n
  function wordsMod(h, n) {
    if (n >= 2 ** 36) {
      return Number(BigInt('0x' + wordsHex(h)) % BigInt(n));
    }
    let r = 0;
    for (let i = 0; i < 8; i++) {
      r = (r * 65536 + (h[i] >>> 16)) % n;
      r = (r * 65536 + (h[i] & 0xffff)) % n;
    }
    return r;
  }

  // §1: ticket(S, X) = "0." + the decimal of SHA-256(UTF-8(hex(SHA-256(S)) + X)), padded to 64, reversed.
  function tickets(seed, ids) {
    const prefix = ticketPrefix(seed);
    const h = new Int32Array(8);
    return ids.map((id) => '0.' + reversedDecimal(sha256Text(prefix, 64, id, h), 0));
  }

  // Ids per key in a sort of plain numbers (key × SLOT + index stays below 2^53 with 10-digit keys)
  const SLOT = 2 ** 19;

  // §2: the first k ids of the pool in ticket order, then by id, as [{uscc, ticket}]. Each id costs one
  // compression (the seed's block is shared) and a numeric key; full tickets are written for ties and the k.
  function firstInTicketOrder(seed, pool, k) {
    const prefix = ticketPrefix(seed);
    const n = pool.length;
    const digests = new Int32Array(8 * n);
    const keys = new Float64Array(n);
    const h = new Int32Array(8);
    for (let i = 0; i < n; i++) {
      sha256Text(prefix, 64, pool[i], h);
      digests.set(h, 8 * i);
      keys[i] = ticketKey(digests, 8 * i);
    }
    const ticket = (i) => '0.' + reversedDecimal(digests, 8 * i);
    const exact = (a, b) => byteOrder(ticket(a), ticket(b)) || byteOrder(pool[a], pool[b]);
    let order;
    if (n <= SLOT) {
      const packed = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        packed[i] = keys[i] * SLOT + i;
      }
      packed.sort();
      order = Array.from(packed, (v) => v % SLOT);
      // equal keys (rare) in the first k: their full tickets decide
      for (let start = 0; start < Math.min(k, n);) {
        let end = start + 1;
        while (end < n && keys[order[end]] === keys[order[start]]) {
          end++;
        }
        if (end - start > 1) {
          const run = order.slice(start, end).sort(exact);
          order.splice(start, run.length, ...run);
        }
        start = end;
      }
    } else {
      order = Array.from({length: n}, (_, i) => i);
      order.sort((a, b) => keys[a] - keys[b] || exact(a, b));
    }
    return order.slice(0, k).map((i) => ({uscc: pool[i], ticket: ticket(i)}));
  }

  // §3: the items (1..n) of Rivest's sequence for U at counts from..from+count-1, met ones included.
  function sequenceItems(u, n, from, count) {
    const items = [];
    const h = new Int32Array(8);
    for (let c = from; c < from + count; c++) {
      items.push(1 + wordsMod(sha256Text(IV, 0, u + ',' + c, h), n));
    }
    return items;
  }

  // Walks the sequence, skipping items met before, until visit(item) returns true or all n are met.
  function walk(u, n, visit) {
    const met = new Set();
    let buffer = [];
    let at = 0;
    let count = 0;
    while (met.size < n) {
      if (at === buffer.length) {
        buffer = sequenceItems(u, n, count + 1, Math.max(4, buffer.length * 2));
        at = 0;
      }
      count++;
      const item = buffer[at++];
      if (!met.has(item)) {
        met.add(item);
        if (visit(item)) {
          return;
        }
      }
    }
  }

  function parseSnapshot(text) {
    const s = {T: new Map(), I: [], A: new Map(), N: [], R: new Set(), P: new Set(), Q: new Map(), teamSize: 2};
    for (const line of text.split('\n')) {
      // the many T lines without an array per line: "T <class> <uscc>"
      const second = line.charCodeAt(0) === 84 && line.charCodeAt(1) === 32 ? line.indexOf(' ', 2) : -1;
      if (second > 2) {
        const third = line.indexOf(' ', second + 1);
        const cls = line.substring(2, second);
        (s.T.get(cls) || s.T.set(cls, []).get(cls)).push(line.substring(second + 1, third < 0 ? line.length : third));
        continue;
      }
      const [kind, ...f] = line.split(' ');
      if (kind === 'T') {
        (s.T.get(f[0]) || s.T.set(f[0], []).get(f[0])).push(f[1]);
      } else if (kind === 'I') {
        s.I.push(f[0]);
      } else if (kind === 'A') {
        (s.A.get(f[1]) || s.A.set(f[1], []).get(f[1])).push(f[0]);
      } else if (kind === 'N') {
        s.N.push(f[0]);
      } else if (kind === 'R') {
        s.R.add(f[0] + ' ' + f[1]);
      } else if (kind === 'P') {
        s.P.add(f[0] + ' ' + f[1]);
      } else if (kind === 'Q') {
        s.Q.set(f[0], parseInt(f[1], 10));
      } else if (kind === 'Z') {
        s.teamSize = Math.max(2, parseInt(f[1], 10));
      }
    }
    return s;
  }

  // DRAW-1 §2 and §3: the execute record's result lines (target, team, relaxed), or fail lines.
  function replay(snapshotText, seed) {
    const s = parseSnapshot(snapshotText);
    const selected = [];
    for (const cls of new Set([...s.T.keys(), ...s.Q.keys()])) {
      const k = s.Q.get(cls) || 0;
      const pool = s.T.get(cls) || [];
      if (k === 0 || pool.length === 0) {
        continue;
      }
      firstInTicketOrder(seed, pool, k).forEach((t, i) => selected.push({cls, uscc: t.uscc, rank: i + 1, ticket: t.ticket}));
    }
    selected.sort((a, b) => byteOrder(a.ticket, b.ticket) || byteOrder(a.uscc, b.uscc));

    const L = [...s.I].sort(byteOrder);
    if (L.length === 0) {
      return ['fail no certified inspector (I = 0)'];
    }
    const teamSize = s.teamSize;
    const cap = Math.ceil(teamSize * selected.length / L.length);
    const load = new Map(L.map((c) => [c, 0]));
    const specialties = [...s.N].sort(byteOrder);
    const holders = new Map(specialties.map((sp) => [sp, [...(s.A.get(sp) || [])].sort(byteOrder)]));
    const teams = [];
    const relaxed = [];
    const failures = [];
    for (let i = 0; i < selected.length; i++) {
      const t = selected[i].uscc;
      const ok = (code) => !s.R.has(code + ' ' + t) && !s.P.has(code + ' ' + t);
      const team = [];
      const capOnly = [];
      walk(seed + '/' + t, L.length, (item) => {
        const code = L[item - 1];
        if (ok(code) && load.get(code) < cap) {
          team.push(code);
          load.set(code, load.get(code) + 1);
        } else if (ok(code)) {
          capOnly.push(code);
        }
        return team.length === teamSize;
      });
      if (team.length < teamSize && capOnly.length > 0) {
        for (const code of capOnly.slice(0, teamSize - team.length)) {
          team.push(code);
          load.set(code, load.get(code) + 1);
        }
        relaxed.push(t);
      }
      if (team.length < teamSize) {
        failures.push('fail ' + t + ' certified ' + team.length + ' of ' + teamSize);
      }
      for (const specialty of specialties) {
        const list = holders.get(specialty);
        let found = null;
        if (list.length > 0) {
          const u = seed + '/' + t + '/' + specialty;
          walk(u, list.length, (item) => {
            const code = list[item - 1];
            if (!team.includes(code) && ok(code)) {
              found = code;
              return true;
            }
            return false;
          });
        }
        if (found === null) {
          failures.push('fail ' + t + ' specialty ' + specialty);
        } else {
          team.push(found);
        }
      }
      teams.push('team ' + t + ' ' + team.join(','));
    }
    if (failures.length > 0) {
      return failures;
    }
    return selected.map((x) => 'target ' + x.cls + ' ' + x.uscc + ' ' + x.rank)
        .concat(teams, relaxed.map((u) => 'relaxed ' + u));
  }

  // RFC 9162 §2.1.3.2, as docs/transparency-log.md §3 writes it.
  async function verifyInclusion(m, n, leaf, path, root) {
    if (m >= n) {
      return false;
    }
    const node = (l, r) => sha256(concat(Uint8Array.of(1), l, r));
    let fn = m;
    let sn = n - 1;
    let r = leaf;
    for (const p of path) {
      if (p.length !== 32 || sn === 0) {
        return false;
      }
      if (fn % 2 === 1 || fn === sn) {
        r = await node(p, r);
        if (fn % 2 === 0) {
          while (fn % 2 === 0 && fn !== 0) {
            fn = Math.floor(fn / 2);
            sn = Math.floor(sn / 2);
          }
        }
      } else {
        r = await node(r, p);
      }
      fn = Math.floor(fn / 2);
      sn = Math.floor(sn / 2);
    }
    return sn === 0 && sameBytes(r, root);
  }

  // A signed note (docs/transparency-log.md §6): the text, then the signature lines after an empty line.
  function parseNote(note) {
    const split = note.indexOf('\n\n');
    if (split < 0) {
      return null;
    }
    const text = note.substring(0, split + 1);
    const lines = text.split('\n');
    if (lines.length !== 4 || !/^[1-9][0-9]*$|^0$/.test(lines[1])) {
      return null;
    }
    const signatures = note.substring(split + 2).split('\n').filter((l) => l.startsWith('\u2014 ')).map((l) => {
      const parts = l.substring(2).split(' ');
      return {name: parts[0], blob: parts[1] || ''};
    });
    return {text, origin: lines[0], size: Number(lines[1]), root: fromBase64(lines[2]), signatures};
  }

  // Ed25519 verifier key "<name>+<8 hex key hash>+<base64(0x01 || public key)>".
  async function verifyNote(note, verifierKey) {
    // the base64 part may contain '+' itself: split at the first two only
    const parts = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(verifierKey.trim());
    if (!parts) {
      return {state: 'bad', text: '日志公钥格式有误'};
    }
    const [, name, keyHash, keyB64] = parts;
    const key = fromBase64(keyB64);
    if (key[0] === 0xff) {
      return {state: 'skip', text: '日志使用 SM2/SM3 签名，浏览器的 WebCrypto 不支持 SM2，未核验签名（可用 audit/check_log.py 核验）'};
    }
    if (key.length !== 33 || key[0] !== 1) {
      return {state: 'bad', text: '日志公钥不是 Ed25519 公钥'};
    }
    const line = note.signatures.find((s) => s.name === name);
    if (!line) {
      return {state: 'bad', text: '检查点没有该日志公钥的签名'};
    }
    const blob = fromBase64(line.blob);
    if (blob.length !== 68 || hex(blob.subarray(0, 4)) !== keyHash) {
      return {state: 'bad', text: '签名行的公钥哈希与日志公钥不符'};
    }
    let publicKey;
    try {
      publicKey = await subtle.importKey('raw', key.subarray(1), {name: 'Ed25519'}, false, ['verify']);
    } catch (e) {
      return {state: 'skip', text: '本浏览器的 WebCrypto 不支持 Ed25519，未核验签名（可用 audit/check_log.py 核验）'};
    }
    const ok = await subtle.verify({name: 'Ed25519'}, publicKey, blob.subarray(4), utf8.encode(note.text));
    return ok ? {state: 'ok', text: '检查点（' + note.origin + '，规模 ' + note.size + '）的 Ed25519 签名与日志公钥 ' + name + ' 相符'}
        : {state: 'bad', text: '检查点签名无效'};
  }

  // the form of a named public source's value (docs/auditors.md): lottery balls ascending, or the beacon's hex
  function namedForm(named, given) {
    const balls = (part, count, top) => {
      const b = part.split(' ');
      return b.length === count && b.every((x) => /^[0-9]{2}$/.test(x) && +x >= 1 && +x <= top)
          && b.every((x, i) => i === 0 || +b[i - 1] < +x);
    };
    const halves = (given || '').split(' + ');
    const source = named.split(' ')[0];
    if (source === 'ssq') return halves.length === 2 && balls(halves[0], 6, 33) && balls(halves[1], 1, 16);
    if (source === 'dlt') return halves.length === 2 && balls(halves[0], 5, 35) && balls(halves[1], 2, 12);
    if (source === 'drand') return /^[0-9a-f]{64}$/.test(given);
    if (source === 'nist') return /^[0-9A-F]{128}$/.test(given);
    return false;
  }

  function line(text, prefix) {
    const l = text.split('\n').find((x) => x.startsWith(prefix + ' '));
    return l === undefined ? null : l.substring(prefix.length + 1);
  }

  async function fetchJson(url) {
    const r = await fetch(url, {headers: {Accept: 'application/json'}, cache: 'no-store'});
    if (!r.ok) {
      throw new Error(url + ' → HTTP ' + r.status);
    }
    return r.json();
  }

  async function fetchText(url) {
    const r = await fetch(url, {cache: 'no-store'});
    if (!r.ok) {
      throw new Error(url + ' → HTTP ' + r.status);
    }
    return r.text();
  }

  // ---- the page ----

  const LABELS = {
    package: '公开数据包',
    pool: '抽取池哈希 poolHash',
    commit: '承诺值 commit',
    seed: '种子 seed',
    replay: '重放 DRAW-1 第 1–3 节',
    chain: '账本记录哈希',
    inclusion: '透明日志包含证明',
    signature: '检查点签名',
  };
  const STATE_TEXT = {ok: '一致', bad: '不一致', skip: '未核验'};

  function $(id) {
    return document.getElementById(id);
  }

  function show(results, verdict) {
    const list = $('checks');
    list.textContent = '';
    for (const key of Object.keys(LABELS)) {
      const r = results[key] || {state: 'skip', text: '未核验'};
      const li = document.createElement('li');
      li.id = 'check-' + key;
      li.dataset.state = r.state;
      li.className = 'check ' + r.state;
      const head = document.createElement('strong');
      head.textContent = LABELS[key] + '：' + STATE_TEXT[r.state];
      const body = document.createElement('span');
      body.textContent = ' ' + r.text;
      li.append(head, body);
      list.append(li);
    }
    const v = $('verdict');
    v.dataset.state = verdict.state;
    v.className = 'verdict ' + verdict.state;
    v.textContent = verdict.text;
  }

  function status(text) {
    const v = $('verdict');
    v.dataset.state = 'running';
    v.className = 'verdict running';
    v.textContent = text;
  }

  // started: when the package was asked for, so that the time shown includes reading it
  async function verify(pkg, source, started) {
    const results = {};
    const fail = (key, text) => {
      results[key] = {state: 'bad', text};
    };
    const ok = (key, text) => {
      results[key] = {state: 'ok', text};
    };
    const skip = (key, text) => {
      results[key] = {state: 'skip', text};
    };
    if (!pkg || typeof pkg !== 'object' || typeof pkg.id !== 'string' || !/^D[0-9]{9}$/.test(pkg.id)
        || !Array.isArray(pkg.records)) {
      fail('package', '不是本站的公开数据包（缺少抽取编号或账本记录）');
      return finish(results, started, 0);
    }
    const records = pkg.records;
    const prepare = records.find((r) => r.kind === 'prepare');
    const execute = records.find((r) => r.kind === 'execute');
    const texts = records.every((r) => typeof r.text === 'string');
    if (pkg.withheld || !texts || typeof pkg.snapshot !== 'string') {
      skip('package', '抽取 ' + pkg.id + '（' + source + '）有依法不予公示的结果，只公开哈希值：'
          + '抽取池快照、抽取池哈希、随机数、种子和记录正文不公开，无法在浏览器中重放'
          + (typeof pkg.poolCommitment === 'string' ? '；抽取池的加盐承诺值为 ' + pkg.poolCommitment + '，解密后可核对' : '') + '。');
    } else if (!prepare || !execute) {
      fail('package', '抽取 ' + pkg.id + ' 的数据包缺少 prepare 或 execute 记录');
    } else {
      ok('package', '抽取 ' + pkg.id + '（' + source + '），' + records.length + ' 条账本记录');
    }

    // the commit: SHA-256 of the nonce's hex text, as committed at prepare
    if (typeof pkg.nonce === 'string' && typeof pkg.commit === 'string') {
      const h = await sha256Hex(pkg.nonce);
      const committed = prepare && texts ? line(prepare.text, 'commit') : pkg.commit;
      if (h === pkg.commit && committed === pkg.commit) {
        ok('commit', 'SHA-256(nonce) = ' + h + '，与抽取前记入账本的承诺值相同');
      } else {
        fail('commit', 'SHA-256(nonce) = ' + h + '，承诺值为 ' + pkg.commit
            + (committed !== pkg.commit ? '，prepare 记录中为 ' + committed : ''));
      }
    } else {
      skip('commit', '数据包没有 nonce 或 commit');
    }
    if (results.package.state !== 'ok') {
      return finish(results, started, 0);
    }

    // the pool: the snapshot's hash, as committed at prepare
    const poolHash = await sha256Hex(pkg.snapshot);
    const committedPool = line(prepare.text, 'pool');
    // format 2: the prepare record's salt opens the salted commitment shown while a result was withheld
    const salt = line(prepare.text, 'salt');
    const opened = salt === null ? null : await sha256Hex(salt + poolHash);
    if (salt !== null && (opened !== pkg.poolCommitment || salt !== pkg.salt)) {
      fail('pool', 'SHA-256(盐值 + 抽取池哈希) = ' + opened + '，数据包的加盐承诺值 poolCommitment 为 ' + pkg.poolCommitment);
    } else if (poolHash === pkg.poolHash && committedPool === pkg.poolHash) {
      ok('pool', 'SHA-256(快照) = ' + poolHash + '，与 prepare 记录相同' + (salt === null ? ''
          : '；SHA-256(盐值 + 抽取池哈希) = ' + opened + '，与加盐承诺值 poolCommitment 相同'));
    } else {
      fail('pool', 'SHA-256(快照) = ' + poolHash + '，数据包的 poolHash 为 ' + pkg.poolHash + '，prepare 记录中为 '
          + committedPool);
    }

    // the seed: S = given + "|" + nonce, as the execute record says
    const given = line(execute.text, 'given');
    const expectedSeed = (given === '-' ? '' : given) + '|' + line(execute.text, 'nonce');
    const recordSeed = line(execute.text, 'seed');
    const named = line(prepare.text, 'randomness');
    const namedOk = named === null || (namedForm(named, given) && prepare.seq < execute.seq
        && line(prepare.text, 'at') <= line(execute.text, 'at'));
    if (!namedOk) {
      fail('seed', 'given「' + given + '」不是 prepare 记录事先公布的公开随机源「' + named + '」的值的格式，或公布不在执行之前');
    } else if (recordSeed === expectedSeed && pkg.seed === recordSeed && line(execute.text, 'nonce') === pkg.nonce) {
      ok('seed', 'seed = given + "|" + nonce = ' + recordSeed + (named === null ? ''
          : '；given 应为抽取前在 prepare 记录中公布的公开随机源「' + named + '」的值，请与该来源的公告核对'));
    } else {
      fail('seed', 'execute 记录的种子 ' + recordSeed + '，应为 ' + expectedSeed + '；数据包中为 ' + pkg.seed);
    }

    // DRAW-1 §1-§3 over the snapshot with the recorded seed
    const replayStart = performance.now();
    const lines = await replay(pkg.snapshot, recordSeed === null ? '' : recordSeed);
    const replayMs = performance.now() - replayStart;
    const recorded = execute.text.split('\n').filter((l) => /^(target|team|relaxed) /.test(l));
    const firstDiff = lines.findIndex((l, i) => l !== recorded[i]);
    const drawn = new Set(recorded.filter((l) => l.startsWith('target ')).map((l) => l.split(' ')[2]));
    const selectedOk = !Array.isArray(pkg.selected) || pkg.selected.every((u) => drawn.has(u));
    if (lines.length === recorded.length && firstDiff < 0 && selectedOk) {
      ok('replay', '重放得到 ' + lines.filter((l) => l.startsWith('target ')).length + ' 家企业和各自的检查组，与 execute 记录逐行相同（用时 '
          + (replayMs / 1000).toFixed(2) + ' 秒）');
    } else if (!selectedOk) {
      fail('replay', '数据包列出的抽中企业不在 execute 记录中');
    } else {
      const at = firstDiff < 0 ? Math.min(lines.length, recorded.length) : firstDiff;
      fail('replay', '第 ' + (at + 1) + ' 行不同：重放得到「' + (lines[at] || '（无）') + '」，记录为「' + (recorded[at] || '（无）') + '」');
    }

    // each record's hash: SHA-256(prevHash + "\n" + text)
    const bad = [];
    for (const r of records) {
      if (await sha256Hex(r.prevHash + '\n' + r.text) !== r.hash) {
        bad.push(r.seq);
      }
    }
    if (bad.length === 0) {
      ok('chain', records.length + ' 条记录的哈希均为 SHA-256(前一记录哈希 + 换行 + 正文)');
    } else {
      fail('chain', '记录 ' + bad.join('、') + ' 的哈希与正文不符');
    }

    // the records' leaves in the log, against the latest checkpoint and its signature
    try {
      const [proofs, key] = await Promise.all([fetchJson('/public/v1/log/draws/' + encodeURIComponent(pkg.id)),
        fetchText('/public/v1/log/key')]);
      const note = parseNote(proofs.checkpoint);
      if (!note) {
        fail('inclusion', '检查点格式有误');
      } else {
        results.signature = await verifyNote(note, key);
        const root = note.root;
        const wrong = [];
        for (const r of records) {
          const p = proofs.records.find((x) => x.seq === r.seq);
          const leaf = await sha256(concat(Uint8Array.of(0), utf8.encode(r.text)));
          if (!p || !(await verifyInclusion(r.seq - 1, note.size, leaf, p.proof.map(fromBase64), root))) {
            wrong.push(r.seq);
          }
        }
        if (note.size !== proofs.treeSize) {
          fail('inclusion', '证明的树规模 ' + proofs.treeSize + ' 与检查点 ' + note.size + ' 不符');
        } else if (wrong.length === 0) {
          ok('inclusion', records.length + ' 条记录都在规模为 ' + note.size + ' 的日志树中（根哈希 ' + hex(root) + '）');
        } else {
          fail('inclusion', '记录 ' + wrong.join('、') + ' 的正文不在规模为 ' + note.size + ' 的日志树中');
        }
      }
    } catch (e) {
      fail('inclusion', '无法取得包含证明：' + e.message);
    }
    return finish(results, started, replayMs);
  }

  function finish(results, started, replayMs) {
    const states = Object.keys(LABELS).map((k) => (results[k] || {state: 'skip'}).state);
    let verdict;
    if (states.includes('bad')) {
      verdict = {state: 'bad', text: '不一致：' + Object.keys(LABELS).filter((k) => results[k] && results[k].state === 'bad')
          .map((k) => LABELS[k]).join('、') + ' 未通过核验。'};
    } else if (states.includes('skip')) {
      verdict = {state: 'partial', text: '部分核验：已核验的各项一致，未核验的项目见下。'};
    } else {
      verdict = {state: 'ok', text: '全部一致：抽取池、承诺值、种子、抽取结果、账本记录和透明日志包含证明均与公开数据相符。'};
    }
    show(results, verdict);
    const timing = {replayMs, totalMs: performance.now() - started, pageMs: performance.now()};
    window.verifierTimings = timing;
    $('elapsed').textContent = '用时 ' + (timing.totalMs / 1000).toFixed(2) + ' 秒（重放 ' + (replayMs / 1000).toFixed(2) + ' 秒）';
    return verdict;
  }

  async function run(load, source) {
    status('正在核验…');
    const started = performance.now();
    try {
      await verify(await load(), source, started);
    } catch (e) {
      show({package: {state: 'bad', text: '无法读取数据包：' + e.message}}, {state: 'bad', text: '无法核验：' + e.message});
    }
  }

  function start() {
    const form = $('verifier');
    if (!form) {
      return;
    }
    const id = form.dataset.draw;
    if (id) {
      run(() => fetchJson('/public/v1/draws/' + encodeURIComponent(id)), '取自本站');
    }
    $('package-file').addEventListener('change', (event) => {
      const file = event.target.files[0];
      if (file) {
        run(async () => JSON.parse(await file.text()), '取自文件 ' + file.name);
      }
    });
  }

  // for auditors' consoles and the tests: the replay alone
  window.draw1 = {replay, verifyInclusion, tickets, sequenceItems,
    sha256Hex: (text) => wordsHex(sha256Text(IV, 0, text, new Int32Array(8)))};

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
