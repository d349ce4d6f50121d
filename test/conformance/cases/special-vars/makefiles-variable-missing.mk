# case: a missing file named in MAKEFILES is ignored
# env: MAKEFILES=missing.mk
all:
	@echo ok
