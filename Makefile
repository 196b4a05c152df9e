.PHONY: run test setup lint messages check-deploy bench clock-matrix
comma := ,

run:            ## set up everything and run the portal with demo data
	scripts/run.sh

test:           ## run the whole test suite against real PostgreSQL, Redis and Chromium
	scripts/test.sh

clock-matrix:   ## the non-browser suite at eleven instants, the journeys at 23:50 (CI runs it)
	scripts/clock-matrix.sh

setup:
	scripts/bootstrap.sh

lint:
	.venv/bin/ruff check . && .venv/bin/ruff format --check .

messages:       ## re-extract translatable strings of APP (office, documents, ...)
	.venv/bin/python manage.py makemessages -l zh_Hans --app $(APP)

check-deploy:
	DEBUG=false SECRET_KEY=$$(python3 -c 'import secrets;print(secrets.token_urlsafe(50))') \
	ALLOWED_HOSTS=office.example.org .venv/bin/python manage.py check --deploy --fail-level WARNING

bench:          ## gunicorn + wrk at BENCH_DOCUMENTS (100000) documents; BENCH=pdf,duty (or all) adds in-process ones
	scripts/bootstrap.sh && scripts/services.sh start && .venv/bin/python -m benchmarks.http_bench
	$(if $(BENCH),.venv/bin/python -m benchmarks.run $(subst $(comma), ,$(BENCH)))
