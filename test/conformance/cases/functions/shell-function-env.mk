# case: in 4.3 shell sees the environment but not makefile exports
# env: FROMENV=env
export EXPORTED = yes
$(info [$(shell echo $$EXPORTED)] [$(shell echo $$FROMENV)])
all:
	@echo '[$(shell echo $$EXPORTED)]'
