#!/usr/bin/env python3
"""Checks the draw service's transparency log (standard library only; docs/transparency-log.md).

Usage: python3 check_log.py BASE_URL VERIFIER_KEY [--old CHECKPOINT_FILE] [--seq N ...] [--draw ID ...] [--all]
                            [--witness WITNESS_KEY ...] [--package FILE ...]

- Fetches the latest checkpoint and checks its signature by VERIFIER_KEY (<name>+<key hash>+<base64
  key>, as the bureau publishes it: do not take it from the service). Ed25519 keys are checked here
  in pure Python; SM2 keys (type 0xff "sm2-sm3") with the machine's `openssl` (3.0 or later).
- --old: a checkpoint kept earlier (its signed note); checks its signature and that the latest
  tree extends it (consistency proof), so nothing logged then was rewritten since.
- --seq: checks the inclusion proof of ledger record N (leaf N - 1) against the latest checkpoint.
- --draw: for a public draw, recomputes the leaf hash of each record text it publishes and checks
  the inclusion proof of each of its records against the latest checkpoint. Where nothing is withheld
  it also checks the package against its records: SHA-256(snapshot) = poolHash = the prepare record's
  pool line; for a prepare record with a salt line (format 2) SHA-256(salt + poolHash) = poolCommitment;
  SHA-256(nonce) = commit; seed = given + "|" + nonce; and where the prepare record names a public
  source of randomness, that the given seed has the source's form and that the announcing prepare
  record precedes the execute record in the ledger (seq and time). Where a result is withheld, it checks
  that nothing but the salted commitment of the pool is published (no pool hash, salt, nonce, seed,
  snapshot or record text).
- --package FILE: the same checks for a public package saved earlier (the JSON of /public/v1/draws/ID),
  instead of fetching it: keep the withheld package, check the released one against its commitment.
- --all: fetches every leaf hash and recomputes the latest checkpoint's root.
- --witness: a witness's verifier key (as the witness publishes it); checks its cosignature lines on
  the latest checkpoint, on the --old one and on the service's copy of the --old size (a witness may
  have cosigned that size after it was kept). Each witness must have cosigned one of them, and every
  line of its name and key hash must verify.
Prints "ok ..." lines; on any failure prints "FAIL ..." and exits with status 1.
"""
import base64
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request

# --- Ed25519 verification (RFC 8032 section 6, with extended coordinates) -----------------------
P = 2 ** 255 - 19
L = 2 ** 252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)


def _add(a, b):
    x = (a[1] - a[0]) * (b[1] - b[0]) % P
    y = (a[1] + a[0]) * (b[1] + b[0]) % P
    c = 2 * a[3] * b[3] * D % P
    z = 2 * a[2] * b[2] % P
    e, f, g, h = y - x, z - c, z + c, y + x
    return e * f % P, g * h % P, f * g % P, e * h % P


def _mul(s, pt):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, pt)
        pt = _add(pt, pt)
        s >>= 1
    return q


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % P == 0 and (a[1] * b[2] - b[1] * a[2]) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P != 0:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P != 0:
        return None
    if (x & 1) != sign:
        x = P - x
    return x


def _decompress(s):
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


_GY = 4 * pow(5, P - 2, P) % P
_GX = _recover_x(_GY, 0)
BASE = (_GX, _GY, 1, _GX * _GY % P)


def ed25519_verify(public, message, signature):
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= L:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % L
    return _equal(_mul(s, BASE), _add(r, _mul(h, a)))


# --- Signed notes (c2sp.org/signed-note) and checkpoints ----------------------------------------
SM2_TYPE = b"\xffsm2-sm3"
# SubjectPublicKeyInfo prefix of an uncompressed point: id-ecPublicKey, curve sm2p256v1 (1.2.156.10197.1.301)
SM2_SPKI = bytes.fromhex("3059301306072a8648ce3d020106082a811ccf5501822d034200")


def parse_key(text):
    """(name, key hash, public key, algorithm) of a verifier key; the key hash is checked."""
    name, key_hash, key = text.strip().split("+", 2)
    raw = base64.b64decode(key, validate=True)
    if len(raw) == 33 and raw[0] == 1:
        algorithm, type_len = "ed25519", 1
    elif len(raw) == len(SM2_TYPE) + 65 and raw.startswith(SM2_TYPE) and raw[len(SM2_TYPE)] == 4:
        algorithm, type_len = "sm2", len(SM2_TYPE)
    else:
        raise ValueError("not an Ed25519 or SM2 verifier key")
    if hashlib.sha256(name.encode() + b"\n" + raw).digest()[:4].hex() != key_hash:
        raise ValueError("the key hash does not match the key")
    return name, bytes.fromhex(key_hash), raw[type_len:], algorithm


def sm2_verify(point, message, signature):
    """SM2 with SM3 and the default identifier 1234567812345678 (GM/T 0009), checked by openssl."""
    pem = "-----BEGIN PUBLIC KEY-----\n%s\n-----END PUBLIC KEY-----\n" % base64.b64encode(SM2_SPKI + point).decode()
    with tempfile.TemporaryDirectory() as d:
        paths = [os.path.join(d, n) for n in ("key.pem", "msg", "sig")]
        for path, data in zip(paths, (pem.encode(), message, signature)):
            with open(path, "wb") as f:
                f.write(data)
        try:
            r = subprocess.run(["openssl", "pkeyutl", "-verify", "-pubin", "-inkey", paths[0], "-rawin", "-digest", "sm3",
                                "-pkeyopt", "distid:1234567812345678", "-in", paths[1], "-sigfile", paths[2]],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        except FileNotFoundError:
            raise ValueError("an SM2 key needs openssl (3.0 or later) on the PATH")
        return r.returncode == 0


def verify_signature(key, message, signature):
    public, algorithm = key[2], key[3]
    return sm2_verify(public, message, signature) if algorithm == "sm2" else ed25519_verify(public, message, signature)


def signed_text(note, key):
    """The note's text if it carries a line of `key` (its name and key hash), None if it carries none;
    raises if such a line does not verify: the log's own line and a witness's cosignature alike."""
    name, key_hash = key[0], key[1]
    split = note.rfind("\n\n")
    if split < 0 or not note.endswith("\n"):
        raise ValueError("not a signed note")
    text = note[:split + 1]
    for line in note[split + 2:].splitlines():
        if not line.startswith("\u2014 "):
            raise ValueError("a signature line starts with an em dash")
        who, sig = line[2:].split(" ")
        blob = base64.b64decode(sig, validate=True)
        if who == name and blob[:4] == key_hash:
            if not verify_signature(key, text.encode("utf-8"), blob[4:]):
                raise ValueError("the signature of %s does not verify" % name)
            return text
    return None


def open_checkpoint(note, key):
    """The checkpoint's (origin, size, root) if `key` signed `note`; raises otherwise."""
    text = signed_text(note, key)
    if text is None:
        raise ValueError("the note carries no signature by %s" % key[0])
    origin, size, root = text.split("\n")[:3]
    if not size.isdigit() or (size != "0" and size.startswith("0")):
        raise ValueError("bad tree size")
    root = base64.b64decode(root, validate=True)
    if len(root) != 32:
        raise ValueError("a root is 32 bytes")
    return origin, int(size), root


# --- The tree (RFC 9162 section 2.1) ------------------------------------------------------------
def leaf_hash(data):
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_of(leaves):
    if not leaves:
        return hashlib.sha256(b"").digest()
    if len(leaves) == 1:
        return leaves[0]
    k = 1 << (len(leaves) - 1).bit_length() - 1
    return node_hash(root_of(leaves[:k]), root_of(leaves[k:]))


def verify_inclusion(index, size, leaf, proof, root):
    if index >= size or any(len(p) != 32 for p in proof):
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = node_hash(p, r)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            r = node_hash(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(m, n, root1, root2, proof):
    if m > n or any(len(p) != 32 for p in proof):
        return False
    if m == n:
        return not proof and root1 == root2
    if m == 0:
        return not proof
    if not proof:
        return False
    if m & (m - 1) == 0:
        proof = [root1] + proof
    fn, sn = m - 1, n - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = proof[0]
    for c in proof[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr, sr = node_hash(c, fr), node_hash(c, sr)
            if not fn & 1:
                while fn and not fn & 1:
                    fn >>= 1
                    sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return sn == 0 and fr == root1 and sr == root2


# --- The service ----------------------------------------------------------------------------------
def get(base, path, **query):
    url = base.rstrip("/") + path + ("?" + urllib.parse.urlencode(query) if query else "")
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            body = r.read().decode("utf-8")
            return json.loads(body) if r.headers.get_content_type() == "application/json" else body
    except urllib.error.HTTPError as e:
        # the service answers a problem document: its detail says why (a draw not yet public, a size never issued)
        try:
            detail = json.loads(e.read().decode("utf-8")).get("detail")
        except ValueError:
            detail = None
        raise OSError("%s %s: HTTP %d%s" % ("GET", path, e.code, ": " + detail if detail else "")) from None


# --- A draw's public package (DRAW-1 section 5, docs/transparency-log.md section 10, docs/auditors.md) ---
def _balls(value, count, top, extra, extra_top):
    halves = value.split(" + ")
    return len(halves) == 2 and _ascending(halves[0], count, top) and _ascending(halves[1], extra, extra_top)


def _ascending(part, count, top):
    balls = part.split(" ")
    if len(balls) != count or not all(re.fullmatch(r"[0-9]{2}", b) for b in balls):
        return False
    numbers = [int(b) for b in balls]
    return all(0 < n <= top for n in numbers) and all(a < b for a, b in zip(numbers, numbers[1:]))


# source: (form of the round, check of the value, the value's form in words)
SOURCES = {
    "ssq": (r"[0-9]{7}", lambda v: _balls(v, 6, 33, 1, 16), "six red balls 01-33 ascending, ' + ', the blue ball 01-16"),
    "dlt": (r"[0-9]{5}", lambda v: _balls(v, 5, 35, 2, 12), "five front balls 01-35 ascending, ' + ', two back balls 01-12"),
    "drand": (r"[1-9][0-9]{0,17}", lambda v: re.fullmatch(r"[0-9a-f]{64}", v) is not None, "64 lowercase hex"),
    "nist": (r"[1-9][0-9]{0,17}", lambda v: re.fullmatch(r"[0-9A-F]{128}", v) is not None, "128 uppercase hex"),
}


def record_line(text, name):
    """The value of a record's first line `<name> <value>`, or None."""
    for line in text.split("\n"):
        if line.startswith(name + " "):
            return line[len(name) + 1:]
    return None


def sha256_hex(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_package(public, check):
    """The package against its own records: commitments, seed and named randomness (no network)."""
    draw = public["id"]
    if public.get("withheld"):
        leaked = [k for k in ("poolHash", "salt", "nonce", "seed", "snapshot") if public.get(k) is not None]
        leaked += ["record text"] if any(r.get("text") is not None for r in public["records"]) else []
        check(not leaked, "draw %s withholds a result and publishes none of %s" % (draw, ", ".join(leaked) or
                                                                                   "pool hash, salt, nonce, seed, snapshot, record texts"))
        if public.get("poolCommitment"):
            print("ok   draw %s: its pool is public only as the salted commitment %s (keep this package: check it "
                  "with --package once the result is released)" % (draw, public["poolCommitment"]))
        return
    records = public["records"]
    prepare = next((r for r in records if r["kind"] == "prepare"), None)
    execute = next((r for r in records if r["kind"] == "execute"), None)
    if prepare is None or prepare.get("text") is None:
        check(False, "draw %s publishes its prepare record's text" % draw)
        return
    for r in records:
        check(r["hash"] == sha256_hex(r["prevHash"] + "\n" + r["text"]),
              "record %d of draw %s: sha256(prevHash + \"\\n\" + text) is its hash" % (r["seq"], draw))
    pool = record_line(prepare["text"], "pool")
    check(pool is not None and pool == public.get("poolHash"), "draw %s: the prepare record's pool line is the poolHash" % draw)
    if public.get("snapshot") is not None:
        check(sha256_hex(public["snapshot"]) == public.get("poolHash"), "draw %s: SHA-256(snapshot) is the poolHash" % draw)
    salt = record_line(prepare["text"], "salt")
    if salt is not None:
        check(public.get("salt") == salt and public.get("poolCommitment") == sha256_hex(salt + (pool or "")),
              "draw %s: SHA-256(salt + poolHash) is the poolCommitment %s" % (draw, public.get("poolCommitment")))
    commit = record_line(prepare["text"], "commit")
    check(commit == public.get("commit") and public.get("nonce") is not None and sha256_hex(public["nonce"]) == commit,
          "draw %s: SHA-256(nonce) is the commit of the prepare record" % draw)
    if execute is None or execute.get("text") is None:
        return
    given, nonce, seed = (record_line(execute["text"], k) for k in ("given", "nonce", "seed"))
    check(nonce == public.get("nonce") and seed == public.get("seed") and seed == ("" if given == "-" else given) + "|" + nonce,
          "draw %s: the seed is given + \"|\" + nonce" % draw)
    named = record_line(prepare["text"], "randomness")
    if named is None:
        return
    source, _, round_ = named.partition(" ")
    form = SOURCES.get(source)
    check(form is not None and re.fullmatch(form[0], round_) is not None,
          "draw %s names public randomness %s: a known source and round" % (draw, named))
    if form is not None:
        check(given is not None and form[1](given), "draw %s: the given seed '%s' has the form of %s's value (%s)"
              % (draw, given, source, form[2]))
    p_at, x_at = record_line(prepare["text"], "at"), record_line(execute["text"], "at")
    check(prepare["seq"] < execute["seq"] and p_at is not None and x_at is not None and p_at <= x_at,
          "draw %s: the announcement of %s (record %d at %s) precedes the execute record (%d at %s) in the ledger"
          % (draw, named, prepare["seq"], p_at, execute["seq"], x_at))
    print("     compare '%s' with the value %s published for %s %s, and its drawing time with %s"
          % (given, source, source, round_, p_at))


def b64s(items):
    return [base64.b64decode(x, validate=True) for x in items]


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    base, key = argv[1], parse_key(argv[2])
    old, seqs, draws, witnesses, everything, i = None, [], [], [], False, 3
    while i < len(argv):
        if argv[i] == "--witness":
            witnesses.append(parse_key(argv[i + 1]))
            i += 2
        elif argv[i] == "--old":
            old, i = argv[i + 1], i + 2
        elif argv[i] == "--seq":
            seqs.append(int(argv[i + 1]))
            i += 2
        elif argv[i] == "--draw":
            draws.append(argv[i + 1])
            i += 2
        elif argv[i] == "--package":
            with open(argv[i + 1], encoding="utf-8") as f:
                draws.append(json.load(f))
            i += 2
        elif argv[i] == "--all":
            everything, i = True, i + 1
        else:
            print("unknown argument " + argv[i])
            return 2
    failures = []

    def check(ok, what):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    latest = get(base, "/public/v1/log/checkpoint")
    origin, size, root = open_checkpoint(latest, key)
    print("ok   checkpoint of %s, size %d, root %s, signed by %s" % (origin, size, root.hex(), key[0]))
    notes = [latest]  # the notes whose cosignatures are checked
    if old is not None:
        with open(old, encoding="utf-8") as f:
            notes.append(f.read())
        old_origin, old_size, old_root = open_checkpoint(notes[-1], key)
        notes.append(get(base, "/public/v1/log/checkpoints/%d" % old_size))
        check(open_checkpoint(notes[-1], key) == (old_origin, old_size, old_root),
              "the service still serves the kept checkpoint of size %d" % old_size)
        check(old_origin == origin, "the earlier checkpoint is of the same log")
        c = get(base, "/public/v1/log/proofs/consistency", **{"from": old_size, "to": size})
        check(verify_consistency(old_size, size, old_root, root, b64s(c["proof"])),
              "the tree of size %d extends the one of size %d" % (size, old_size))
    for seq in seqs:
        p = get(base, "/public/v1/log/proofs/inclusion", seq=seq, size=size)
        check(p["leafIndex"] == seq - 1 and verify_inclusion(seq - 1, size, base64.b64decode(p["leafHash"]),
                                                              b64s(p["proof"]), root),
              "record %d is in the tree of size %d" % (seq, size))
    for draw in draws:
        public = draw if isinstance(draw, dict) else get(base, "/public/v1/draws/" + draw)
        draw = public["id"]
        check_package(public, check)
        proofs = get(base, "/public/v1/log/draws/" + draw, size=size)
        by_seq = {p["seq"]: p for p in proofs["records"]}
        for record in public["records"]:
            p = by_seq.get(record["seq"])
            if p is None:
                check(False, "record %d of draw %s is in the log" % (record["seq"], draw))
                continue
            leaf = base64.b64decode(p["leafHash"])
            if "text" in record:
                check(leaf == leaf_hash(record["text"].encode("utf-8")),
                      "record %d: its published text is the logged leaf" % record["seq"])
            check(verify_inclusion(p["leafIndex"], size, leaf, b64s(p["proof"]), root),
                  "record %d (%s) of draw %s is in the tree of size %d" % (record["seq"], record["kind"], draw, size))
    for witness in witnesses:
        cosigned = set()
        for note in notes:
            try:
                text = signed_text(note, witness)
            except ValueError as e:
                check(False, "a cosignature of %s: %s" % (witness[0], e))
                continue
            if text is not None:
                cosigned.add(int(text.split("\n")[1]))
        for n in sorted(cosigned):
            check(True, "the checkpoint of size %d is cosigned by witness %s" % (n, witness[0]))
        if not cosigned:
            check(False, "no checkpoint checked is cosigned by witness %s" % witness[0])
    if everything:
        leaves, seq = [], 1
        while seq <= size:
            page = get(base, "/public/v1/log/leaves", **{"from": seq, "limit": 1000})["items"]
            if not page:
                break
            leaves += [base64.b64decode(x["leafHash"]) for x in page]
            seq += len(page)
        check(root_of(leaves[:size]) == root, "the %d leaves hash to the checkpoint's root" % size)
    return 1 if failures else 0


if __name__ == "__main__":
    try:
        sys.exit(main(sys.argv))
    except (ValueError, KeyError, OSError) as e:
        print("FAIL " + str(e))
        sys.exit(1)
