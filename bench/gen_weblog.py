#!/usr/bin/env python3
"""A combined+cookie access log of SIZE bytes (seeded): visitors with stable addresses, _ga and
Lead Info cookies and session ids, some logged in, some e-mails in query strings.
Usage: gen_weblog.py OUT SIZE_BYTES [VISITORS]"""
import random, sys, time

out, size = sys.argv[1], int(sys.argv[2])
visitors = int(sys.argv[3]) if len(sys.argv) > 3 else 200_000
rnd = random.Random(42)
pages = ["/nl/", "/fr/", "/en/", "/nl/prijzen", "/fr/tarifs", "/nl/contact", "/blog/gdpr-checklist", "/nl/producten/scanner",
         "/static/app.js", "/static/style.css", "/img/logo.png", "/nl/vacatures", "/api/v1/status"]
agents = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15",
          "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148"]
refs = ["-", "https://www.google.be/", "https://www.linkedin.com/", "https://www.example.be/nl/"]
t0 = int(time.mktime((2025, 1, 1, 0, 0, 0, 0, 0, -1)))

def visitor(i):
    r = random.Random(i)
    ip = f"{r.randint(1, 223)}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
    ga = f"GA1.2.{r.randint(10**8, 10**10)}.{r.randint(1600000000, 1700000000)}"
    li = "".join(r.choice("0123456789abcdef") for _ in range(16))
    user = f"user{i}" if i % 10 == 0 else "-"
    return ip, ga, li, user

cache = {}
written = 0
lines = 0
with open(out, "w", buffering=1 << 20) as f:
    while written < size:
        i = rnd.randrange(visitors)
        v = cache.get(i)
        if v is None:
            v = cache[i] = visitor(i)
        ip, ga, li, user = v
        ts = time.strftime("%d/%b/%Y:%H:%M:%S +0100", time.gmtime(t0 + lines // 40))
        page = rnd.choice(pages)
        if rnd.random() < 0.02:
            page += f"?email=visitor{i}%40example.be"
        # a session lasts a visitor's day (the clock runs at 40 lines a second)
        sess = "%016x" % (hash((i, (t0 + lines // 40) // 86400)) & 0xFFFFFFFFFFFFFFFF)
        line = (f'{ip} - {user} [{ts}] "GET {page} HTTP/1.1" {rnd.choice((200, 200, 200, 304, 404))} {rnd.randint(100, 90000)} '
                f'"{rnd.choice(refs)}" "{rnd.choice(agents)}" "_ga={ga}; _li_id={li}; PHPSESSID={sess}"\n')
        f.write(line)
        written += len(line)
        lines += 1
print(lines)
