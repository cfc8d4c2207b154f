#!/usr/bin/env bash
# gapmap report: markup in a document (and in the title) is shown as text,
# never executed — in the HTML file, and in the page Chromium renders (when
# Chromium is installed; the file checks run regardless).
source "$(dirname "$0")/lib.bash"
source "$(dirname "$0")/chromium.bash"
T="$E2E_TMP"

# Each payload would set body[data-pwned] if the browser ran it.
cat >"$T/hostile.txt" <<'EOF'
IOM runs shelters for victims <script>alert(1)</script> and </script> closes nothing.

UNODC trains prosecutors <script>document.body.dataset.pwned = "script"</script> on the Protocol.

ILO inspects workplaces <img src=x onerror="document.body.dataset.pwned='img'"> for forced labour ]]> <!-- --> &amp; &lt;b&gt;.
EOF
TITLE='</title><script>document.body.dataset.pwned="title"</script>'
run "$GAPMAP" report "$T/hostile.txt" --by mentions --title "$TITLE" -o "$T/hostile.html"
expect_status 0

# In the file: only the template's two script elements; the payloads are in
# the JSON data with <, > and & escaped.
python3 - "$T/hostile.html" <<'PY' || fail "markup from the document reached the HTML"
import json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
assert html.count("<script") == 2, html.count("<script")
assert html.count("</script") == 2, html.count("</script")
assert "<img" not in html and "<!--" not in html
assert "<title>&lt;/title&gt;&lt;script&gt;" in html
data = json.loads(re.search(r'id="gapmap-data">(.*?)</script>', html, re.S).group(1))
texts = " ".join(u[9] for u in data["units"])
for payload in ("<script>alert(1)</script> and </script>", '<img src=x onerror="', "]]> <!-- -->"):
    assert payload in texts, payload
PY

if ! find_chromium >/dev/null; then
  echo "NOTE: Chromium not found: the rendered page was not checked (make deps installs it)" >&2
  finish
fi
need_chromium
# The IOM row's drill-down shows the first paragraph's text.
for agency in IOM ILO UNODC; do
  chromium_run --dump-dom "$(file_url "$T/hostile.html" "#d=fourp&s=all&a=$agency")" >"$T/$agency.dom" &
done
wait
python3 - "$T" <<'PY' || fail "the rendered page ran or parsed markup from the document"
import sys
from html.parser import HTMLParser

class Scan(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.scripts, self.imgs, self.body, self.stack, self.texts = 0, 0, {}, [], []
    def handle_starttag(self, tag, attrs):
        if tag == "script": self.scripts += 1
        if tag == "img": self.imgs += 1
        if tag == "body": self.body = dict(attrs)
        self.stack.append(dict(attrs).get("class", ""))
    def handle_endtag(self, tag):
        if self.stack: self.stack.pop()
    def handle_data(self, data):
        self.texts.append(data)

for agency, payload in (("IOM", "<script>alert(1)</script> and </script>"),
                        ("UNODC", '<script>document.body.dataset.pwned = "script"</script>'),
                        ("ILO", "<img src=x onerror=\"document.body.dataset.pwned='img'\">")):
    s = Scan()
    s.feed(open("%s/%s.dom" % (sys.argv[1], agency), encoding="utf-8").read())
    assert s.body.get("data-ready") == "true", (agency, "the page's script did not finish")
    assert "data-pwned" not in s.body, (agency, "a payload ran", s.body.get("data-pwned"))
    assert s.scripts == 2, (agency, s.scripts, "script elements")
    assert s.imgs == 0, (agency, "an img element was created")
    text = "".join(s.texts)
    assert payload in text, (agency, "the payload is not shown as text")
    assert '</title><script>document.body.dataset.pwned="title"</script>' in text, "title"
PY
finish
