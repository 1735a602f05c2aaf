# Newcomers need two commands: `make build` and `make test`. Both install what they need first.
# Everything is installed from the pins in requirements.lock (and package-lock.json) into this
# folder: nothing is fetched from anywhere but the package registries, and pip installs a package
# only if its file has the SHA-256 hash written in the lock (--require-hashes).

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed
# Material prints a banner about MkDocs 2.0 on every build; we stay on MkDocs 1.x on purpose.
export NO_MKDOCS_2_WARNING := 1

.PHONY: build serve test check check-freshness check-external bench chromium nginx lock clean

build: $(INSTALLED)
	$(BIN)/mkdocs build --strict

serve: $(INSTALLED)
	$(BIN)/mkdocs serve --strict

# The content checks alone: translations, help directory, strict build, links and anchors.
check: $(INSTALLED)
	$(BIN)/python scripts/check_content.py

# For a scheduled job: fail on help entries not verified for 12 months (make check only warns).
check-freshness: $(INSTALLED)
	$(BIN)/python scripts/check_content.py --freshness

# For a scheduled job with internet access: also check links to other sites.
check-external: $(INSTALLED)
	$(BIN)/python scripts/check_content.py --external

test: $(INSTALLED) $(NODE_INSTALLED) chromium nginx
	$(BIN)/python scripts/check_content.py
	$(BIN)/pytest

$(INSTALLED): requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	touch $@

# axe-core (accessibility tests) and Lighthouse (benchmark), pinned in package-lock.json.
$(NODE_INSTALLED): package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else \
	    echo "npm is missing: install Node.js (with npm) first." >&2; exit 1; \
	  fi; }
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else \
	    echo "Chromium is missing: install it with 'sudo apt-get install chromium'." >&2; exit 1; \
	  fi; }

# tests/test_nginx.py serves the built site with the generated snippet on Debian's nginx. The test
# starts its own nginx on a loopback port; the package's own service is never used (in a container
# /usr/sbin/policy-rc.d keeps it from starting; on a machine with systemd, `systemctl disable --now
# nginx` after installing if you do not want it).
nginx:
	@command -v nginx >/dev/null 2>&1 || test -x /usr/sbin/nginx || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null; \
	  else \
	    echo "nginx is missing: install it with 'sudo apt-get install nginx'." >&2; exit 1; \
	  fi; }

# Figures, not tests: build times, page weight, requests, Lighthouse scores.
bench: $(INSTALLED) $(NODE_INSTALLED) chromium
	$(BIN)/python scripts/bench.py

# After changing requirements.in: work out every pin and the hashes of its files into
# requirements.lock, with pip-compile (pip-tools, itself pinned with hashes in
# requirements-tools.lock) in a throwaway environment. Pins already in the lock are kept unless
# requirements.in asks for another version. The next `make build` installs from the new lock.
LOCK_TOOLS := .lock-tools
lock:
	rm -rf $(LOCK_TOOLS)
	$(PYTHON) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements-tools.lock
	CUSTOM_COMPILE_COMMAND="make lock" $(LOCK_TOOLS)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links \
	  --output-file requirements.lock requirements.in
	rm -rf $(LOCK_TOOLS)

clean:
	rm -rf site $(VENV) node_modules .pytest_cache
