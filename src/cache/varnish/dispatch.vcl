# Varnish in front of Dispatch. Public pages, feeds and sitemaps are cached as Dispatch's
# Cache-Control says (s-maxage, stale-while-revalidate, stale-if-error as grace) and banned by
# surrogate key when Dispatch sends BAN (HTTP_CACHE_PURGE_URL pointing here). The newsroom and
# the API pass straight through with their cookies; public pages never depend on a cookie, so
# theirs are removed and cannot split or poison the cache.
vcl 4.1;

backend dispatch {
  .host = "127.0.0.1";
  .port = "3000";
}

acl purgers {
  "127.0.0.1";
  "::1";
}

sub vcl_recv {
  if (req.method == "BAN") {
    if (client.ip !~ purgers) {
      return (synth(405, "Not allowed"));
    }
    if (!req.http.X-Surrogate-Key-Pattern) {
      return (synth(400, "X-Surrogate-Key-Pattern is missing"));
    }
    ban("obj.http.Surrogate-Key ~ " + req.http.X-Surrogate-Key-Pattern);
    return (synth(200, "Banned"));
  }
  if (req.url ~ "^/(newsroom|api/)") {
    return (pass);
  }
  unset req.http.Cookie;
}

sub vcl_backend_response {
  # Dispatch's stale-if-error: serve the last copy for a day when the application fails.
  set beresp.grace = 24h;
}
