# Independent verification of a teammark badge with jwcrypto (Debian's
# python3-jwcrypto), for test/badges/interop.test.ts. Reads one JSON object on
# stdin: {jwks, token, issuer, audience, sender, alg}; prints {"valid": true,
# "header": ..., "claims": ...} or {"valid": false, "error": "..."}.
import json
import sys

from jwcrypto import jwk, jwt

req = json.load(sys.stdin)
try:
    keys = jwk.JWKSet.from_json(json.dumps(req["jwks"]))
    token = jwt.JWT(
        jwt=req["token"],
        key=keys,
        algs=[req["alg"]],
        check_claims={"iss": req["issuer"], "aud": req["audience"], "sub": req["sender"], "exp": None, "nbf": None, "iat": None, "jti": None},
    )
    header = json.loads(token.header)
    if header.get("typ") != "team-badge+jwt":
        raise ValueError("unexpected typ %r" % header.get("typ"))
    print(json.dumps({"valid": True, "header": header, "claims": json.loads(token.claims)}))
except Exception as e:  # any refusal is an answer, not a crash
    print(json.dumps({"valid": False, "error": "%s: %s" % (type(e).__name__, e)}))
