# The README's commands. `make demo` and `make test` each do all the set-up on a fresh machine.
SWIFT ?= swift
BIN = $$($(SWIFT) build --show-bin-path)

.PHONY: all bootstrap build test demo shell cleanup bench clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

# Builds our keepalived first: the integration tests run `.build/debug/keepalived` in namespaces,
# and keepalived-lab (the SIGTERM cleanup test signals it), ipvs-probe and smtp-sink (run in the IPVS guest).
test: bootstrap
	scripts/check-purity
	$(SWIFT) build --product keepalived
	$(SWIFT) build --product keepalived-lab
	$(SWIFT) build --product ipvs-probe
	$(SWIFT) build --product smtp-sink
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build --no-parallel

demo: bootstrap
	$(SWIFT) build --product keepalived-lab
	$(SWIFT) build --product keepalived
	$(BIN)/keepalived-lab demo

# A lab to explore by hand: a shell in router 1, removed on exit.
shell: bootstrap
	$(SWIFT) build --product keepalived-lab
	$(SWIFT) build --product keepalived
	$(BIN)/keepalived-lab shell

# Deletes namespaces left behind by killed test runs (their owning process is gone).
cleanup:
	$(SWIFT) build --product keepalived-lab
	$(BIN)/keepalived-lab cleanup

bench: bootstrap
	$(SWIFT) build -c release --product keepalived
	$(SWIFT) build -c release --product keepalived-bench
	$$($(SWIFT) build -c release --show-bin-path)/keepalived-bench

clean:
	rm -rf .build
