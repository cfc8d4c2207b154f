#!/usr/bin/env bash
# docs/rules.md is tested like jq's manual: every ```yaml block is a rule
# directory whose examples must pass `gapmap rules test`, and every ```console
# block's "$ command" lines are run (in the directory of the yaml block above
# them) and must print exactly the lines shown under them.
source "$(dirname "$0")/lib.bash"
python3 - "$GAPMAP" "$GAPMAP_SOURCE_DIR" "$E2E_TMP" <<'PY' || fail "docs/rules.md examples (see above)"
import os, re, shutil, subprocess, sys

gapmap, source, tmp = sys.argv[1:4]
doc = open(os.path.join(source, "docs/rules.md"), encoding="utf-8").read()
blocks = [(m.group(1), m.group(2), doc.count("\n", 0, m.start()) + 1)
          for m in re.finditer(r"^```(\w+)\n(.*?)^```", doc, re.M | re.S)]
env = dict(os.environ, PATH=os.path.dirname(gapmap) + os.pathsep + os.environ["PATH"])
failures, yaml_blocks, commands, current = 0, 0, 0, None

def fail(line, message):
    global failures
    failures += 1
    print(f"docs/rules.md:{line}: {message}")

for lang, body, line in blocks:
    if lang == "yaml":
        yaml_blocks += 1
        current = os.path.join(tmp, f"block{line}")
        rules = os.path.join(current, "rules")
        os.makedirs(rules)
        # "# rules/<name>.yaml" lines start a new file; else example.yaml.
        files, name = {}, "example.yaml"
        for text_line in body.splitlines(keepends=True):
            m = re.match(r"^# rules/([\w.-]+\.ya?ml)\s*$", text_line)
            if m:
                name = m.group(1)
                files.setdefault(name, "")
                continue
            files[name] = files.get(name, "") + text_line
        for n, text in files.items():
            open(os.path.join(rules, n), "w", encoding="utf-8").write(text)
        if "agencies.yaml" not in files:
            shutil.copy(os.path.join(source, "rules/agencies.yaml"), rules)
        if "examples:" in body and "fails on purpose" not in body:
            r = subprocess.run([gapmap, "rules", "test", rules], capture_output=True, text=True)
            if r.returncode != 0 or " 0 failed" not in r.stdout:
                fail(line, "examples of this block fail:\n" + r.stdout + r.stderr)
    elif lang == "console":
        if current is None:
            fail(line, "a console block before any yaml block")
            continue
        cmd, expected = None, []
        def run(cmd, expected, line):
            global commands
            commands += 1
            r = subprocess.run(["bash", "-c", cmd], cwd=current, env=env, capture_output=True,
                               text=True)
            got = [l.rstrip() for l in (r.stdout + r.stderr).splitlines()]
            want = [l.rstrip() for l in expected]
            if got != want:
                fail(line, f"$ {cmd}\n--- expected\n" + "\n".join(want) + "\n--- got\n" + "\n".join(got))
        for i, text_line in enumerate(body.splitlines()):
            if text_line.startswith("$ "):
                if cmd is not None:
                    run(cmd, expected, line)
                cmd, expected = text_line[2:], []
            elif cmd is not None:
                expected.append(text_line)
        if cmd is not None:
            run(cmd, expected, line)

print(f"docs/rules.md: {yaml_blocks} rule blocks, {commands} commands, {failures} failures")
if yaml_blocks < 10 or commands < 5:
    print("docs/rules.md: too few examples found (is the doc complete?)")
    sys.exit(1)
sys.exit(1 if failures else 0)
PY
finish
