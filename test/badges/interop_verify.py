# Independent verification for test/badges/interop.test.ts with jwcrypto
# (Debian's python3-jwcrypto) and zlib. Reads one JSON object on stdin:
#   {"kind": "badge", jwks, token, issuer, audience, sender, alg}
#     -> {"valid": true, "header": ..., "claims": ...}
#   {"kind": "status_list", jwks, token, issuer, uri, idx, alg}
#     -> {"valid": true, "header": ..., "status": 0|1, "size": <entries>}
# or {"valid": false, "error": "..."} when the token is refused.
import base64
import json
import sys
import zlib

from jwcrypto import jwk, jwt

EXPECTED_TYP = {"badge": "team-badge+jwt", "status_list": "statuslist+jwt"}


def b64url_decode(s):
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


req = json.load(sys.stdin)
try:
    keys = jwk.JWKSet.from_json(json.dumps(req["jwks"]))
    if req["kind"] == "badge":
        checks = {"iss": req["issuer"], "aud": req["audience"], "sub": req["sender"], "exp": None, "nbf": None, "iat": None, "jti": None}
    else:
        checks = {"iss": req["issuer"], "sub": req["uri"], "exp": None, "iat": None}
    token = jwt.JWT(jwt=req["token"], key=keys, algs=[req["alg"]], check_claims=checks)
    header = json.loads(token.header)
    if header.get("typ") != EXPECTED_TYP[req["kind"]]:
        raise ValueError("unexpected typ %r" % header.get("typ"))
    claims = json.loads(token.claims)
    if req["kind"] == "badge":
        print(json.dumps({"valid": True, "header": header, "claims": claims}))
    else:
        lst = claims["status_list"]
        if lst["bits"] != 1:
            raise ValueError("expected a 1-bit list")
        bits = zlib.decompress(b64url_decode(lst["lst"]))  # RFC 1950 zlib, as the draft requires
        idx = req["idx"]
        print(json.dumps({"valid": True, "header": header, "status": (bits[idx // 8] >> (idx % 8)) & 1, "size": len(bits) * 8}))
except Exception as e:  # any refusal is an answer, not a crash
    print(json.dumps({"valid": False, "error": "%s: %s" % (type(e).__name__, e)}))
