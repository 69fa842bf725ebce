#!/usr/bin/env python3
"""Makes a transparency-log key pair with openssl and prints it in the signed-note text forms
(docs/transparency-log.md §6): the signer key on the first line, the verifier key on the second.

Usage: log_keys.py NAME ed25519|sm2      (run by .ci/run; standard library and openssl only)
"""
import base64
import hashlib
import re
import subprocess
import sys
import tempfile

TYPES = {"ed25519": b"\x01", "sm2": b"\xffsm2-sm3"}


def main(name, algorithm):
    with tempfile.NamedTemporaryFile(suffix=".pem") as pem:
        subprocess.run(["openssl", "genpkey", "-algorithm", "ED25519" if algorithm == "ed25519" else "SM2",
                        "-out", pem.name], check=True, stdout=subprocess.DEVNULL)
        text = subprocess.run(["openssl", "pkey", "-in", pem.name, "-text", "-noout"], check=True,
                              capture_output=True, text=True).stdout
    fields = dict((m.group(1), bytes.fromhex(re.sub(r"[:\s]", "", m.group(2))))
                  for m in re.finditer(r"(priv|pub):\s*((?:[0-9a-f]{2}:?\s*)+)", text))
    private = fields["priv"][-32:].rjust(32, b"\0")
    public = fields["pub"]
    kind = TYPES[algorithm]
    key_hash = hashlib.sha256(name.encode() + b"\n" + kind + public).digest()[:4].hex()
    print("PRIVATE+KEY+%s+%s+%s" % (name, key_hash, base64.b64encode(kind + private).decode()))
    print("%s+%s+%s" % (name, key_hash, base64.b64encode(kind + public).decode()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
