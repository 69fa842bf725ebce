// The portal's browser verifier: replays a public draw from its public package with WebCrypto
// (DRAW-1 §1-§3, the pool hash, the commit, the seed, the ledger record hashes) and checks the
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

  // §1: ticket(S, X) = "0." + the decimal of SHA-256(UTF-8(hex(SHA-256(S)) + X)), padded to 64, reversed.
  async function tickets(seed, ids) {
    const h = await sha256Hex(seed);
    const digests = await Promise.all(ids.map((id) => subtle.digest('SHA-256', utf8.encode(h + id))));
    return digests.map((d) => '0.' + BigInt('0x' + hex(d)).toString().padStart(64, '0').split('').reverse().join(''));
  }

  // §3: the items (1..n) of Rivest's sequence for U at counts from..from+count-1, met ones included.
  async function sequenceItems(u, n, from, count) {
    const big = BigInt(n);
    const digests = [];
    for (let c = from; c < from + count; c++) {
      digests.push(subtle.digest('SHA-256', utf8.encode(u + ',' + c)));
    }
    return (await Promise.all(digests)).map((d) => 1 + Number(BigInt('0x' + hex(d)) % big));
  }

  // Walks the sequence, skipping items met before, until visit(item) returns true or all n are met.
  // The first hashes come prefetched (all targets' at once); more are fetched only if needed.
  async function walk(u, n, prefetched, visit) {
    const met = new Set();
    let buffer = prefetched;
    let at = 0;
    let count = 0;
    while (met.size < n) {
      if (at === buffer.length) {
        buffer = await sequenceItems(u, n, count + 1, Math.max(8, buffer.length * 2));
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
  async function replay(snapshotText, seed) {
    const s = parseSnapshot(snapshotText);
    const selected = [];
    for (const cls of new Set([...s.T.keys(), ...s.Q.keys()])) {
      const k = s.Q.get(cls) || 0;
      const pool = s.T.get(cls) || [];
      if (k === 0 || pool.length === 0) {
        continue;
      }
      const ts = await tickets(seed, pool);
      const order = pool.map((uscc, i) => ({uscc, ticket: ts[i], cls}));
      order.sort((a, b) => byteOrder(a.ticket, b.ticket) || byteOrder(a.uscc, b.uscc));
      order.slice(0, k).forEach((t, i) => selected.push({cls, uscc: t.uscc, rank: i + 1, ticket: t.ticket}));
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
    // every target's first hashes in one batch: a few per target, not one await each
    const first = await Promise.all(selected.map((t) => sequenceItems(seed + '/' + t.uscc, L.length, 1, teamSize + 2)));
    const teams = [];
    const relaxed = [];
    const failures = [];
    for (let i = 0; i < selected.length; i++) {
      const t = selected[i].uscc;
      const ok = (code) => !s.R.has(code + ' ' + t) && !s.P.has(code + ' ' + t);
      const team = [];
      const capOnly = [];
      await walk(seed + '/' + t, L.length, first[i], (item) => {
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
          await walk(u, list.length, await sequenceItems(u, list.length, 1, 2), (item) => {
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

  async function verify(pkg, source) {
    const started = performance.now();
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
    const timing = {replayMs, totalMs: performance.now() - started};
    window.verifierTimings = timing;
    $('elapsed').textContent = '用时 ' + (timing.totalMs / 1000).toFixed(2) + ' 秒（重放 ' + (replayMs / 1000).toFixed(2) + ' 秒）';
    return verdict;
  }

  async function run(load, source) {
    status('正在核验…');
    try {
      await verify(await load(), source);
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
  window.draw1 = {replay, verifyInclusion, tickets};

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
