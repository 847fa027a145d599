# The README's commands. `make demo` and `make test` each do all the set-up on a fresh machine.
SWIFT ?= swift

.PHONY: all bootstrap build test demo bench clean

all: build

bootstrap:
	@scripts/bootstrap

build: bootstrap
	$(SWIFT) build

test: bootstrap
	scripts/check-purity
	$(SWIFT) build --build-tests
	$(SWIFT) test --no-parallel

demo: bootstrap
	$(SWIFT) build --product keepalived-lab
	$(SWIFT) build --product keepalived
	$$($(SWIFT) build --show-bin-path)/keepalived-lab demo

bench: bootstrap
	$(SWIFT) build -c release --product keepalived
	$(SWIFT) build -c release --product keepalived-bench
	$$($(SWIFT) build -c release --show-bin-path)/keepalived-bench

clean:
	rm -rf .build
