# case: with -e a target-specific value still applies
# env: X=env
# run: -e
all: X = target
all:
	@echo '$(X)'
